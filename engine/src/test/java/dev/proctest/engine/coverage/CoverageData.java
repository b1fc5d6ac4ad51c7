package dev.proctest.engine.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IClassCoverage;
import org.jacoco.core.analysis.IMethodCoverage;
import org.jacoco.core.tools.ExecFileLoader;

/** Execution data read back with jacoco-core, as {@code jacoco:report} reads it. */
public final class CoverageData {

    /** The JaCoCo agent jar the build gives these tests. */
    public static final Path AGENT = Path.of(System.getProperty("proctest.test.jacocoAgent"));

    private CoverageData() {}

    /** Returns the coverage of {@code type}'s methods in {@code destfile}, by method name. */
    public static Map<String, IMethodCoverage> methodsOf(Path destfile, Class<?> type) throws IOException {
        ExecFileLoader loader = new ExecFileLoader();
        loader.load(destfile.toFile()); // throws if several children's writes corrupted it
        return methodsOf(loader, type);
    }

    /**
     * Whether {@code files}, read as far as they are written, hold coverage of {@code type}'s
     * {@code method}: a child writes its coverage in many small writes, so a file that grew may
     * still be in the middle of a write.
     */
    public static boolean covers(List<Path> files, Class<?> type, String method) throws IOException {
        ExecFileLoader loader = new ExecFileLoader();
        for (Path file : files) {
            try {
                loader.load(file.toFile());
            } catch (EOFException e) {
                // a write in progress: what the file holds before it
            }
        }
        IMethodCoverage coverage = methodsOf(loader, type).get(method);
        return coverage != null && coverage.getInstructionCounter().getCoveredCount() > 0;
    }

    private static Map<String, IMethodCoverage> methodsOf(ExecFileLoader loader, Class<?> type) throws IOException {
        CoverageBuilder builder = new CoverageBuilder();
        try (InputStream classFile = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            new Analyzer(loader.getExecutionDataStore(), builder).analyzeClass(classFile, type.getName());
        }
        IClassCoverage covered = builder.getClasses().iterator().next();
        assertThat(covered.isNoMatch()).as("the children ran the same class file as the test's").isFalse();
        return covered.getMethods().stream().collect(Collectors.toMap(IMethodCoverage::getName, method -> method,
                (first, second) -> first));
    }
}
