package dev.proctest.reliability.orphans;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A test JVM forked by Maven Surefire: a nested Maven runs {@code surefire:test} on a project of
 * its own whose test class path is the harness's (the reactor's proctest jars need not be
 * installed), and Surefire forks the JVM that runs the fixture. Only the fork gets the trial's
 * environment, through Surefire's {@code environmentVariables}: Maven is no part of the trial, and
 * the fork, not Maven, is what the harness kills.
 */
final class SurefireForkJvm implements TestJvm {

    private static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>dev.proctest.reliability</groupId>
              <artifactId>orphan-trial</artifactId>
              <version>1</version>
              <dependencyManagement>
                <dependencies>
                  <dependency>
                    <groupId>org.junit</groupId>
                    <artifactId>junit-bom</artifactId>
                    <version>%s</version>
                    <type>pom</type>
                    <scope>import</scope>
                  </dependency>
                </dependencies>
              </dependencyManagement>
              <dependencies>
                <dependency>
                  <!-- makes Surefire choose its JUnit Platform provider; the rest comes from the harness's class path -->
                  <groupId>org.junit.platform</groupId>
                  <artifactId>junit-platform-engine</artifactId>
                  <scope>test</scope>
                </dependency>
              </dependencies>
              <build>
                <plugins>
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-surefire-plugin</artifactId>
                    <version>%s</version>
                    <configuration>
                      <testClassesDirectory>%s</testClassesDirectory>
                      <classesDirectory>%s</classesDirectory>
                      <includes><include>**/%s.java</include></includes>
                      <additionalClasspathElements>
            %s
                      </additionalClasspathElements>
                      <argLine>%s</argLine>
                      <environmentVariables>
            %s
                      </environmentVariables>
                    </configuration>
                  </plugin>
                </plugins>
              </build>
            </project>
            """;

    @Override
    public String name() {
        return "surefire fork";
    }

    @Override
    public Process start(Path directory, Map<String, String> environment, boolean coverage) throws IOException {
        List<String> argLine = new ArrayList<>(TestJvm.properties(directory));
        if (coverage) {
            argLine.add(0, TestJvm.coverageAgent(directory));
        }
        Path testClasses = Path.of(KillFixtureTestCase.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Files.createDirectories(directory.resolve("classes"));
        Path pom = directory.resolve("pom.xml");
        Files.writeString(pom, POM.formatted(BuildSetting.JUNIT_VERSION.value(), BuildSetting.SUREFIRE_VERSION.value(), testClasses,
                directory.resolve("classes"), KillFixtureTestCase.class.getSimpleName(),
                TestJvm.fixtureClassPath().stream().map(entry -> "            <additionalClasspathElement>" + entry
                        + "</additionalClasspathElement>").collect(Collectors.joining("\n")),
                String.join(" ", argLine),
                environment.entrySet().stream().map(variable -> "            <" + variable.getKey() + ">" + variable.getValue() + "</"
                        + variable.getKey() + ">").collect(Collectors.joining("\n"))), StandardCharsets.UTF_8);
        // Offline: the build that runs the harness has resolved this Surefire, its JUnit Platform provider and the BOM already.
        List<String> command = new ArrayList<>(List.of(BuildSetting.MAVEN_HOME.path().resolve("bin").resolve("mvn").toString(), "-B", "-o",
                "-Dstyle.color=never", "-Dmaven.repo.local=" + BuildSetting.LOCAL_REPOSITORY.value(), "-f", pom.toString(),
                "org.apache.maven.plugins:maven-surefire-plugin:" + BuildSetting.SUREFIRE_VERSION.value() + ":test"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("maven.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }
}
