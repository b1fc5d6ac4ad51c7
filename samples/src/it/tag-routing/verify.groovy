// Checks what each invocation of invoker.properties ran, in which plugin, with which outcome.
import javax.xml.parsers.DocumentBuilderFactory

def reports = new File(basedir, 'target/it-reports')

/** Every test case a plugin reported in one run: "Class.method" -> outcome. */
def outcomes = { String run, String plugin ->
    def dir = new File(reports, "$run/$plugin")
    def result = [:]
    if (!dir.isDirectory()) return result
    dir.listFiles().findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }.each { file ->
        def cases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file).getElementsByTagName('testcase')
        for (int i = 0; i < cases.length; i++) {
            def testcase = cases.item(i)
            def name = testcase.getAttribute('classname').replaceAll('.*\\.', '') + '.' + testcase.getAttribute('name').replaceAll('\\(.*', '')
            def children = (0..<testcase.childNodes.length).collect { testcase.childNodes.item(it).nodeName }
            result[name] = children.contains('failure') ? 'failed' : children.contains('error') ? 'error' : children.contains('skipped') ? 'skipped' : 'passed'
        }
    }
    result
}

/** The totals a plugin's report files declare for one run. */
def totals = { String run, String plugin ->
    def sum = [tests: 0, failures: 0, errors: 0, skipped: 0]
    def dir = new File(reports, "$run/$plugin")
    if (!dir.isDirectory()) return sum
    dir.listFiles().findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }.each { file ->
        def suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file).documentElement
        sum.keySet().each { key -> sum[key] += suite.getAttribute(key) as int }
    }
    sum
}

def check = { String what, actual, expected ->
    if (actual != expected) {
        throw new AssertionError("$what\n  expected: $expected\n  actual:   $actual")
    }
}

def unitPhase = ['LevelsTests.unitPasses': 'passed', 'LevelsTests.unitFails': 'failed', 'LevelsTests.untaggedPasses': 'passed']
def integrationPhase = [
        'LevelsTests.processPasses': 'passed', 'LevelsTests.processFails': 'failed', 'LevelsTests.processDisabled': 'skipped',
        'LevelsTests.systemPasses': 'passed', 'LevelsTests.systemFails': 'failed', 'LevelsTests.runsOnTheRequestedJUnitPlatform': 'passed',
        'ClassTaggedTests.slowProcessPasses': 'passed']

for (run in ['default', 'junit6']) {
    check("[$run] Surefire runs the unit and untagged tests", outcomes(run, 'surefire'), unitPhase)
    check("[$run] Surefire's totals", totals(run, 'surefire'), [tests: 3, failures: 1, errors: 0, skipped: 0])
    check("[$run] Failsafe runs the process and system tests", outcomes(run, 'failsafe'), integrationPhase)
    check("[$run] Failsafe's totals", totals(run, 'failsafe'), [tests: 7, failures: 2, errors: 0, skipped: 1])
}

check('[-Dgroups=process] Surefire runs nothing', outcomes('process', 'surefire'), [:])
check('[-Dgroups=process] Failsafe runs only the process tests', outcomes('process', 'failsafe'), integrationPhase.findAll {
    it.key.contains('process') || it.key.contains('Process')
})
check('[-Dgroups=slow] a class tag selects the tests of the class', outcomes('slow', 'failsafe'), ['ClassTaggedTests.slowProcessPasses': 'passed'])

def log = new File(basedir, 'build.log').text
check('the fixture ran its builds', log.contains('BUILD SUCCESS'), true)
return true
