package dev.proctest.engine.params;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * Jupiter's argument sources ({@code @ValueSource}, {@code @CsvSource}, {@code @EnumSource},
 * {@code @MethodSource}, any {@code @ArgumentsSource}) on a process or system test, read with
 * Jupiter's own providers. {@code junit-jupiter-params} is optional: without it on the class path
 * no method has argument sources, and nothing here touches its types.
 */
@API(status = INTERNAL, since = "0.4")
public final class ArgumentSources {

    private static final boolean PRESENT = present();

    private ArgumentSources() {}

    /** Whether {@code method} declares an argument source; never without {@code junit-jupiter-params}. */
    public static boolean declaredOn(Method method) {
        return PRESENT && Providers.declaredOn(method);
    }

    /**
     * Returns what keeps {@code parameter} of a parameterized test from being filled as Jupiter
     * would fill it, if anything: {@code @ConvertWith}, {@code @AggregateWith}, {@code ArgumentsAccessor}.
     */
    public static Optional<String> unsupported(Parameter parameter) {
        return PRESENT ? Providers.unsupported(parameter) : Optional.empty();
    }

    /**
     * Returns the argument sets of {@code method}'s sources, in order; calls their providers, and so
     * a {@code @MethodSource} factory: only when the test runs.
     */
    public static List<ArgumentSet> argumentSets(Class<?> testClass, Method method, ConfigurationParameters configuration) {
        return Providers.argumentSets(testClass, method, configuration);
    }

    /** Returns Jupiter's default display name of the {@code index}th (from 1) invocation: {@code [1] nodes=3}. */
    public static String displayName(int index, ArgumentSet set, Method method, ConfigurationParameters configuration) {
        return InvocationNames.of(index, set, method, configuration);
    }

    private static boolean present() {
        try {
            Class.forName("org.junit.jupiter.params.provider.ArgumentsSource", false, ArgumentSources.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
