package dev.proctest.engine.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real class path, whether the test JVM booted from Surefire, a manifest jar or the Console Launcher. */
class ClassPathTests {

    @TempDir
    Path directory;

    private String surefireClassPath;
    private String javaClassPath;

    @BeforeEach
    void rememberProperties() {
        surefireClassPath = System.getProperty("surefire.test.class.path");
        javaClassPath = System.getProperty("java.class.path");
    }

    @AfterEach
    void restoreProperties() {
        restore("surefire.test.class.path", surefireClassPath);
        restore("java.class.path", javaClassPath);
    }

    @Test
    void surefireNamesTheRealClassPath() {
        System.setProperty("surefire.test.class.path", "/a/classes" + File.pathSeparator + "/b/lib.jar");

        assertThat(ClassPath.of(ClassLoader.getSystemClassLoader())).containsExactly("/a/classes", "/b/lib.jar");
    }

    @Test
    void manifestOnlyJarIsExpandedRelativeToItself() throws Exception {
        System.clearProperty("surefire.test.class.path");
        Path booter = manifestJar(directory.resolve("boot dir/booter.jar"), "../test%20classes/ lib/dep.jar file:/opt/abs.jar");
        System.setProperty("java.class.path", booter.toString());

        assertThat(ClassPath.of(ClassLoader.getSystemClassLoader())).containsExactly(
                directory.resolve("test classes").toString(), directory.resolve("boot dir/lib/dep.jar").toString(), "/opt/abs.jar");
    }

    @Test
    void plainClassPathIsTakenAsItIs() {
        System.clearProperty("surefire.test.class.path");
        System.setProperty("java.class.path", "/x/classes" + File.pathSeparator + "/y/lib.jar");

        assertThat(ClassPath.of(ClassLoader.getSystemClassLoader())).containsExactly("/x/classes", "/y/lib.jar");
    }

    @Test
    void classLoaderOfTheConsoleLauncherAddsItsEntriesAfterTheSystemOnes() throws Exception {
        System.clearProperty("surefire.test.class.path");
        System.setProperty("java.class.path", "/launcher/console.jar");
        Path tests = Files.createDirectories(directory.resolve("tests"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {tests.toUri().toURL()}, ClassLoader.getSystemClassLoader())) {
            assertThat(ClassPath.of(loader)).containsExactly("/launcher/console.jar", tests.toString());
        }
    }

    private static Path manifestJar(Path jar, String classPath) throws Exception {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        try (OutputStream out = Files.newOutputStream(jar)) {
            new JarOutputStream(out, manifest).finish();
        }
        return jar;
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
