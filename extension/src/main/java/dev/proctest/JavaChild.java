package dev.proctest;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A child JVM that runs a {@code main} method on the test's class path:
 *
 * <pre>{@code
 * JavaChild.main(PongProc.class).args("tcp://127.0.0.1:5555").readyWhen(Ready.whenLogged("listening"))
 * }</pre>
 *
 * <p>The child runs the same {@code java} as the test JVM (or {@code proctest.child.java}) with the
 * test's real class path. Before calling {@code main}, the proctest runtime in the child connects to
 * the test JVM; it makes the child exit when the test JVM is gone.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class JavaChild extends ChildSpec<JavaChild> {

    private final String mainClass;
    private final List<String> args;
    private final List<String> jvmArgs;
    private final Map<String, String> systemProperties;

    private JavaChild(Settings settings, String mainClass, List<String> args, List<String> jvmArgs,
            Map<String, String> systemProperties) {
        super(settings);
        this.mainClass = mainClass;
        this.args = args;
        this.jvmArgs = jvmArgs;
        this.systemProperties = systemProperties;
    }

    /** A child that runs {@code mainClass}'s {@code public static void main(String[])}. */
    public static JavaChild main(Class<?> mainClass) {
        return main(Objects.requireNonNull(mainClass, "mainClass").getName());
    }

    /** A child that runs the {@code main} method of the class with this binary name. */
    public static JavaChild main(String mainClass) {
        Objects.requireNonNull(mainClass, "mainClass");
        if (mainClass.isBlank()) {
            throw new IllegalArgumentException("The main class name must not be blank");
        }
        return new JavaChild(Settings.defaults(), mainClass.strip(), List.of(), List.of(), Map.of());
    }

    /** Sets the arguments of {@code main}, replacing earlier ones. */
    public JavaChild args(String... args) {
        return new JavaChild(settings(), mainClass, copy(args, "args"), jvmArgs, systemProperties);
    }

    /**
     * Sets options of the child's {@code java} command, such as {@code -Xmx64m}, replacing earlier
     * ones; {@code proctest.child.jvmArgs} comes first.
     */
    public JavaChild jvmArgs(String... jvmArgs) {
        return new JavaChild(settings(), mainClass, args, copy(jvmArgs, "jvmArgs"), systemProperties);
    }

    /**
     * Sets a system property in the child before {@code main} runs. Properties the JVM itself reads
     * at start-up (such as {@code file.encoding}) belong in {@link #jvmArgs} as {@code -Dkey=value}.
     */
    public JavaChild systemProperty(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Map<String, String> properties = new LinkedHashMap<>(systemProperties);
        properties.put(key, value);
        return new JavaChild(settings(), mainClass, args, jvmArgs, Map.copyOf(properties));
    }

    @Override
    JavaChild with(Settings settings) {
        return new JavaChild(settings, mainClass, args, jvmArgs, systemProperties);
    }

    @Override
    String defaultName() {
        return sanitize(mainClass.substring(mainClass.lastIndexOf('.') + 1));
    }

    @API(status = INTERNAL, since = "0.1")
    public String mainClassName() {
        return mainClass;
    }

    @API(status = INTERNAL, since = "0.1")
    public List<String> arguments() {
        return args;
    }

    @API(status = INTERNAL, since = "0.1")
    public List<String> jvmArguments() {
        return jvmArgs;
    }

    @API(status = INTERNAL, since = "0.1")
    public Map<String, String> systemProperties() {
        return systemProperties;
    }

    @Override
    public String toString() {
        return "JavaChild[" + childName() + ": " + mainClass + (args.isEmpty() ? "" : " " + String.join(" ", args)) + "]";
    }

    static List<String> copy(String[] values, String what) {
        Objects.requireNonNull(values, what);
        List<String> list = Arrays.asList(values);
        if (list.contains(null)) {
            throw new IllegalArgumentException(what + " must not contain null: " + list);
        }
        return List.copyOf(list);
    }
}
