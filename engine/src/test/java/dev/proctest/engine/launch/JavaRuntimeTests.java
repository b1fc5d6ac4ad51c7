package dev.proctest.engine.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.ChildProcessException;
import dev.proctest.engine.children.Hello;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDK a child runs on is known before it starts, and one that cannot run it fails the spawn saying why. */
class JavaRuntimeTests {

    @TempDir
    Path directory;

    @Test
    void theTestJvmsOwnJdkIsFoundFromItsHomeAndFromItsJava() {
        Path home = Path.of(System.getProperty("java.home"));
        assertThat(JavaRuntime.of(home, "child", "proctest.child.java"))
                .isEqualTo(new JavaRuntime(home.resolve("bin").resolve("java"), Runtime.version().feature()));
        assertThat(JavaRuntime.of(home.resolve("bin").resolve("java"), "child", "proctest.child.java").feature())
                .isEqualTo(Runtime.version().feature());
    }

    @Test
    void versionStringsOfEveryEraGiveTheirFeature() {
        assertThat(JavaRuntime.feature("17.0.15")).isEqualTo(17);
        assertThat(JavaRuntime.feature("25")).isEqualTo(25);
        assertThat(JavaRuntime.feature("21-ea")).isEqualTo(21);
        assertThat(JavaRuntime.feature("1.8.0_392")).isEqualTo(8);
    }

    @Test
    void aPathThatIsNoJdkNamesWhatWasLookedFor() {
        Path missing = directory.resolve("jdk-99");
        assertThatThrownBy(() -> JavaRuntime.of(missing, "node1", "its spec's java(...)"))
                .isInstanceOf(ChildProcessException.class)
                .hasMessage("Cannot start child 'node1': its spec's java(...) names " + missing + ", which is neither a JDK's home"
                        + " directory nor a java executable (no executable " + missing + ")");
    }

    @Test
    void aJdkOlderThan17IsRefusedNamingItsVersion() throws IOException {
        Path home = fakeJdk("jdk-11", "JAVA_VERSION=\"11.0.2\"\n", "exit 1");
        assertThatThrownBy(() -> JavaRuntime.of(home, "legacy", "proctest.child.java"))
                .isInstanceOf(ChildProcessException.class)
                .hasMessage("Cannot start child 'legacy' on Java 11 (" + home.resolve("bin/java") + ", from proctest.child.java):"
                        + " proctest's runtime in children needs Java 17 or newer");
    }

    @Test
    void aJavaWithoutAReleaseFileIsAskedWhichJavaItIs() throws IOException {
        Path home = fakeJdk("wrapped", null, "echo '    java.specification.version = 21' >&2");
        assertThat(JavaRuntime.of(home.resolve("bin/java"), "child", "proctest.child.java").feature()).isEqualTo(21);
    }

    @Test
    void aJavaThatCannotSayWhichItIsFailsWithWhatItPrinted() throws IOException {
        Path home = fakeJdk("broken", null, "echo 'Error: could not find libjava.so' >&2; exit 1");
        assertThatThrownBy(() -> JavaRuntime.of(home, "child", "proctest.child.java"))
                .isInstanceOf(ChildProcessException.class)
                .hasMessage("Cannot tell which Java " + home.resolve("bin/java") + " is: it printed no java.specification.version for"
                        + " -XshowSettings:properties -version:\nError: could not find libjava.so");
    }

    @Test
    void aMainClassCompiledForANewerJavaThanTheChildsIsRefusedBeforeItStarts() throws IOException {
        ClassLoader loader = loaderWithHelloCompiledFor(99);
        JavaRuntime java17 = new JavaRuntime(Path.of("/opt/jdk-17/bin/java"), 17);

        assertThat(MainMethods.classFileVersion(Hello.class.getName(), loader)).hasValue(99);
        assertThatThrownBy(() -> MainMethods.check(Hello.class.getName(), "Hello", loader, java17))
                .isInstanceOf(ChildProcessException.class)
                .hasMessage("Cannot start child 'Hello' on Java 17 (/opt/jdk-17/bin/java): its main class " + Hello.class.getName()
                        + " is compiled for Java 55 (class file version 99); run it on Java 55 or newer, or compile it with --release 17");
    }

    @Test
    void aMainClassTooNewForTheTestJvmButNotForTheChildIsLeftToTheChild() throws IOException {
        ClassLoader loader = loaderWithHelloCompiledFor(99);
        MainMethods.check(Hello.class.getName(), "Hello", loader, new JavaRuntime(Path.of("/opt/jdk-55/bin/java"), 55));
    }

    /** A loader that sees {@link Hello} only, with its class file's major version changed. */
    private ClassLoader loaderWithHelloCompiledFor(int major) throws IOException {
        byte[] classFile;
        try (InputStream in = Hello.class.getResourceAsStream("Hello.class")) {
            classFile = in.readAllBytes();
        }
        classFile[6] = (byte) (major >> 8);
        classFile[7] = (byte) major;
        Path file = directory.resolve("classes").resolve(Hello.class.getName().replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, classFile);
        return new URLClassLoader(new URL[] {directory.resolve("classes").toUri().toURL()}, null);
    }

    private Path fakeJdk(String name, String release, String script) throws IOException {
        Path home = directory.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        if (release != null) {
            Files.writeString(home.resolve("release"), release);
        }
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
