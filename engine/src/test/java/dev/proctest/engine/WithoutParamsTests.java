package dev.proctest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.engine.fixtures.PassingTestCase;
import dev.proctest.engine.paramfixtures.RepeatedTestCase;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code junit-jupiter-params} is optional: on a class path without it, proctest discovers and
 * runs its tests, repeated ones too, as before. The engine runs in a class loader of its own that
 * holds the test class path but that jar.
 */
class WithoutParamsTests {

    @Test
    void testsRunOnAClassPathWithoutJupiterParams() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(classPathWithoutParams(), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("org.junit.jupiter.params.provider.ArgumentsSource", false, loader))
                    .isInstanceOf(ClassNotFoundException.class);

            assertThat(succeeded(loader, PassingTestCase.class.getName())).isEqualTo(1);
            assertThat(succeeded(loader, RepeatedTestCase.class.getName())).isEqualTo(3 + 1);
        }
    }

    /** Runs a class through EngineTestKit inside {@code loader}; returns how many of its tests succeeded. */
    private static long succeeded(ClassLoader loader, String testClass) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> selectors = loader.loadClass("org.junit.platform.engine.discovery.DiscoverySelectors");
            Object selector = selectors.getMethod("selectClass", String.class).invoke(null, testClass);
            Class<?> selectorType = loader.loadClass("org.junit.platform.engine.DiscoverySelector");
            Object array = java.lang.reflect.Array.newInstance(selectorType, 1);
            java.lang.reflect.Array.set(array, 0, selector);
            Object builder = loader.loadClass("org.junit.platform.testkit.engine.EngineTestKit").getMethod("engine", String.class)
                    .invoke(null, ProcTestEngine.ENGINE_ID);
            builder = builder.getClass().getMethod("selectors", array.getClass()).invoke(builder, array);
            Object results = builder.getClass().getMethod("execute").invoke(builder);
            Object tests = results.getClass().getMethod("testEvents").invoke(results);
            Object succeeded = tests.getClass().getMethod("succeeded").invoke(tests);
            return (long) succeeded.getClass().getMethod("count").invoke(succeeded);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static URL[] classPathWithoutParams() throws MalformedURLException {
        String surefire = System.getProperty("surefire.test.class.path");
        String classPath = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank() && !new File(entry).getName().startsWith("junit-jupiter-params")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }
}
