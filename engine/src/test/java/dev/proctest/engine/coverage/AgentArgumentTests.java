package dev.proctest.engine.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.engine.config.Configuration.CoverageMode;
import dev.proctest.engine.config.Configuration.CoverageSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jacoco.core.runtime.AgentOptions;
import org.junit.jupiter.api.Test;

/** Finding the test JVM's JaCoCo agent among its arguments, and what children get of it. */
class AgentArgumentTests {

    private static final Path AGENT = Path.of(System.getProperty("proctest.test.jacocoAgent"));

    @Test
    void theJacocoAgentIsFoundByItsJarNotByItsName() throws ClassNotFoundException {
        Path byteBuddy = Path.of(Class.forName("net.bytebuddy.agent.Installer").getProtectionDomain().getCodeSource().getLocation()
                .getPath());
        String jacoco = "-javaagent:" + AGENT + "=destfile=/tmp/x/jacoco.exec,includes=com.acme.*";

        assertThat(AgentArgument.find(List.of("-Xmx1g", "-javaagent:" + byteBuddy, jacoco)))
                .contains(new AgentArgument(AGENT, "destfile=/tmp/x/jacoco.exec,includes=com.acme.*"));
        assertThat(AgentArgument.find(List.of("-javaagent:" + AGENT))).contains(new AgentArgument(AGENT, ""));
        assertThat(AgentArgument.find(List.of("-javaagent:" + byteBuddy, "-javaagent:/no/such/jacocoagent.jar"))).isEmpty();
    }

    @Test
    void childrenGetTheAgentWithAFileOfTheirOwnAndProctestsRuntimeLeftOut() {
        CoverageSettings settings = new CoverageSettings(CoverageMode.ON, Optional.of(AGENT), Path.of("/tmp/proctest-test/jacoco.exec"),
                Optional.empty(), Optional.empty(), Duration.ofSeconds(1));
        ChildCoverage coverage = ChildCoverage.of(settings).orElseThrow();

        String argument = coverage.javaAgentArgument("pong");

        assertThat(argument).startsWith("-javaagent:" + AGENT + "=");
        AgentOptions options = new AgentOptions(argument.substring(argument.indexOf('=') + 1));
        assertThat(Path.of(options.getDestfile())).isEqualTo(coverage.directory().resolve("pong-1.exec"));
        assertThat(coverage.directory()).startsWith(Path.of("/tmp/proctest-test/proctest-coverage"));
        assertThat(options.getAppend()).isTrue();
        assertThat(options.getOutput()).isEqualTo(AgentOptions.OutputMode.file);
        assertThat(options.getExcludes()).isEqualTo(ChildCoverage.RUNTIME_EXCLUDES);
        assertThat(coverage.javaAgentArgument("pong")).as("a second child of the same name").contains("pong-2.exec");
    }

    @Test
    void theAgentIsNotInheritedTwiceThroughTheEnvironment() {
        CoverageSettings settings = new CoverageSettings(CoverageMode.ON, Optional.of(AGENT), Path.of("/tmp/proctest-test/jacoco.exec"),
                Optional.of("com.acme.*"), Optional.empty(), Duration.ofSeconds(1));
        ChildCoverage coverage = ChildCoverage.of(settings).orElseThrow();
        Map<String, String> environment = new HashMap<>(Map.of("JAVA_TOOL_OPTIONS",
                "-Xss2m -javaagent:" + AGENT + "=destfile=/tmp/a.exec -Dx=1", "PATH", "/bin"));

        coverage.adjust(environment);

        assertThat(environment).containsEntry("JAVA_TOOL_OPTIONS", "-Xss2m -Dx=1").containsEntry("PATH", "/bin");
    }
}
