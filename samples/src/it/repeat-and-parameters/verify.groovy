// Checks what each invocation of invoker.properties ran in Failsafe, test case by test case.
import javax.xml.parsers.DocumentBuilderFactory

def reports = new File(basedir, 'target/it-reports')

/** Every test case Failsafe reported in one run, by its report name: "nodes(int)[1]" -> outcome. */
def outcomes = { String run ->
    def dir = new File(reports, "$run/failsafe")
    def result = [:]
    if (!dir.isDirectory()) return result
    dir.listFiles().findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }.each { file ->
        def cases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file).getElementsByTagName('testcase')
        for (int i = 0; i < cases.length; i++) {
            def testcase = cases.item(i)
            def children = (0..<testcase.childNodes.length).collect { testcase.childNodes.item(it).nodeName }
            result[testcase.getAttribute('name')] = children.contains('failure') ? 'failed' : children.contains('error') ? 'error'
                    : children.contains('skipped') ? 'skipped' : 'passed'
        }
    }
    result
}

def check = { String what, actual, expected ->
    if (actual != expected) {
        throw new AssertionError("$what\n  expected: $expected\n  actual:   $actual")
    }
}

def nodes = ['nodes(int)[1]': 'passed', 'nodes(int)[2]': 'passed', 'nodes(int)[3]': 'passed']
def twice = ['twice(RepetitionInfo)[1]': 'passed', 'twice(RepetitionInfo)[2]': 'passed']
check('each invocation and repetition is a test case of its own', outcomes('default'), nodes + twice + ['flaky': 'passed'])
check('-Dit.test=SelectionTests#nodes runs every invocation of the method', outcomes('method'), nodes)
check('-Dproctest.repeat=5 stops the flaky test at its first failure', outcomes('repeat'),
        ['flaky()[1]': 'passed', 'flaky()[2]': 'passed', 'flaky()[3]': 'failed', 'flaky()[4]': 'skipped', 'flaky()[5]': 'skipped'])
check('on JUnit 6, -Dproctest.repeat=2 repeats each invocation and overrides @Repeated', outcomes('junit6'),
        ['nodes(int)[1][1]': 'passed', 'nodes(int)[1][2]': 'passed', 'nodes(int)[2][1]': 'passed', 'nodes(int)[2][2]': 'passed',
         'nodes(int)[3][1]': 'passed', 'nodes(int)[3][2]': 'passed', 'twice(RepetitionInfo)[1]': 'passed',
         'twice(RepetitionInfo)[2]': 'passed', 'flaky()[1]': 'passed', 'flaky()[2]': 'passed'])

def log = new File(basedir, 'build.log').text
check('the fixture ran its builds', log.contains('BUILD SUCCESS'), true)
return true
