package dev.proctest.engine.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A JDK other than the test JVM's, for tests of children on another Java: {@code
 * proctest.test.otherJava} if set, else the newest other JDK of Java 17 or newer under {@code
 * /usr/lib/jvm}, where Debian and the Temurin packages install them.
 */
record OtherJdk(Path home, int feature) {

    /** Set (to anything) where a missing other JDK must fail the tests rather than skip them, as in CI. */
    static final String REQUIRED = "PROCTEST_REQUIRE_OTHER_JDK";

    static Optional<OtherJdk> find() {
        String configured = System.getProperty("proctest.test.otherJava");
        if (configured != null) {
            Path home = Path.of(configured);
            return Optional.of(new OtherJdk(home, JavaRuntime.of(home, "test", "proctest.test.otherJava").feature()));
        }
        Path installed = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(installed)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(installed)) {
            return homes.filter(home -> Files.isRegularFile(home.resolve("release")) && Files.isExecutable(home.resolve("bin/java")))
                    .map(home -> new OtherJdk(home, JavaRuntime.of(home, "test", "/usr/lib/jvm").feature()))
                    .filter(jdk -> jdk.feature() >= JavaRuntime.OLDEST && jdk.feature() != Runtime.version().feature())
                    .max(Comparator.comparingInt(OtherJdk::feature));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
