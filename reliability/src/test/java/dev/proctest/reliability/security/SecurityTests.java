package dev.proctest.reliability.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.reliability.Figures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * What the run's secret token touches, and who else gets in: real process tests run (one fails,
 * so its report is written), then every artifact they produced is searched for the token, the
 * permissions of the children's files are checked, and the socket table says where the hub
 * listens. An impostor that knows the hub's address but not the token gets nothing.
 */
class SecurityTests {

    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    @Test
    void theTokenStaysInTheEnvironmentAndNobodyWithoutItGetsIn(@TempDir Path directory) throws IOException {
        Path reports = directory.resolve("reports");
        Path archives = directory.resolve("cds");
        EngineExecutionResults results = EngineTestKit.engine("proctest").selectors(selectClass(SecretsTestCase.class))
                .configurationParameter("proctest.reports.dir", reports.toString())
                .configurationParameter("proctest.cds.dir", archives.toString()).execute();

        results.testEvents().assertStatistics(stats -> stats.succeeded(3).failed(1));
        String token = SecretsTestCase.SEEN.get("token");
        assertThat(token).as("the token, read from the child's environment").matches("[0-9a-f]{32}");
        assertThat(SecretsTestCase.SEEN.get("token of the failing test")).isEqualTo(token);
        assertThat(SecretsTestCase.SEEN.get("listeners")).as("where the hub listens").isIn("tcp 127.0.0.1", "tcp6 ::ffff:127.0.0.1");
        assertThat(SecretsTestCase.SEEN.get("command line")).as("the child's command line").isNotEmpty().doesNotContain(token);
        assertThat(SecretsTestCase.SEEN.get("impostor")).as("what the hub sent an impostor").isEqualTo("REFUSED");
        assertThat(SecretsTestCase.SEEN.get("impostor under the child's id")).as("what the hub sent an impostor under a live child's id")
                .isEmpty();
        assertThat(SecretsTestCase.SEEN.get("directory of IPC")).isEqualTo("rwx------");
        assertThat(SecretsTestCase.SEEN.get("directory of UNIX")).isEqualTo("rwx------");
        for (Event failure : results.testEvents().failed().list()) {
            Throwable thrown = failure.getPayload(TestExecutionResult.class).orElseThrow().getThrowable()
                    .orElseThrow();
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).as("the failure's report").contains("fails on purpose").doesNotContain(token);
        }

        List<Path> artifacts = files(reports, archives, Path.of("target", "surefire-reports"));
        List<Path> childFiles = artifacts.stream().filter(file -> file.startsWith(reports))
                .filter(file -> file.toString().endsWith(".log") || file.toString().endsWith(".args")).toList();
        assertThat(childFiles).as("the children's logs and argument files").hasSizeGreaterThanOrEqualTo(4);
        byte[] secret = token.getBytes(UTF_8);
        List<Path> holding = new ArrayList<>();
        long bytes = 0;
        for (Path file : artifacts) {
            byte[] content = Files.readAllBytes(file);
            bytes += content.length;
            if (contains(content, secret)) {
                holding.add(file);
            }
        }
        assertThat(holding).as("artifacts that hold the token").isEmpty();
        assertThat(childFiles).as("logs and argument files readable by others").allSatisfy(file ->
                assertThat(Files.getPosixFilePermissions(file)).doesNotContainAnyElementsOf(OTHERS));

        String kinds = artifacts.stream().map(file -> file.getFileName().toString().replaceAll("^.*\\.", ""))
                .collect(Collectors.groupingBy(kind -> kind, TreeMap::new, Collectors.counting())).toString();
        Figures.record("security", "hub listens on " + SecretsTestCase.SEEN.get("listeners") + " only (socket table); token in 0 of "
                + artifacts.size() + " artifacts (" + bytes + " bytes, by kind " + kinds + "), 0 command lines, 0 exception traces; " + childFiles.size() + " logs and argument files all rw-------;"
                + " IPC and Unix directories rwx------; an impostor with a wrong token heard [" + SecretsTestCase.SEEN.get("impostor")
                + "] and nothing else, one under a live child's id nothing");
    }

    private static List<Path> files(Path... roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).forEach(files::add);
                }
            }
        }
        return files;
    }

    private static boolean contains(byte[] content, byte[] secret) {
        outer:
        for (int i = 0; i + secret.length <= content.length; i++) {
            for (int j = 0; j < secret.length; j++) {
                if (content[i + j] != secret[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
