package dev.proctest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.proctest.internal.JavaSpec;
import dev.proctest.internal.SpecSettings;
import dev.proctest.wire.CallRule;
import dev.proctest.wire.TimePlan;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A child JVM that runs a {@code main} method on the test's class path:
 *
 * <pre>{@code
 * JavaChild.main(PongProc.class).args("tcp://127.0.0.1:5555").readyWhen(Ready.whenLogged("listening"))
 * }</pre>
 *
 * <p>The child runs the same {@code java} as the test JVM (or {@code proctest.child.java}, or {@link
 * #java}) with the test's real class path. Before calling {@code main}, the proctest runtime in the child connects to
 * the test JVM; it makes the child exit when the test JVM is gone.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class JavaChild extends ChildSpec<JavaChild> {

    private final JavaSpec spec;

    private JavaChild(SpecSettings settings, JavaSpec spec) {
        super(settings);
        this.spec = spec;
    }

    private JavaChild with(JavaSpec newSpec) {
        return new JavaChild(settings(), newSpec);
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
        return new JavaChild(SpecSettings.defaults(), JavaSpec.of(mainClass.strip()));
    }

    /** Sets the arguments of {@code main}, replacing earlier ones. */
    public JavaChild args(String... args) {
        return with(spec.withArgs(copy(args, "args")));
    }

    /** Sets options of the child's {@code java} command ({@code -Xmx64m}), replacing earlier ones; {@code proctest.child.jvmArgs} comes first. */
    public JavaChild jvmArgs(String... jvmArgs) {
        return with(spec.withJvmArgs(copy(jvmArgs, "jvmArgs")));
    }

    /**
     * Sets a system property in the child before {@code main} runs. Properties the JVM itself reads
     * at start-up (such as {@code file.encoding}) belong in {@link #jvmArgs} as {@code -Dkey=value}.
     */
    public JavaChild systemProperty(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Map<String, String> properties = new LinkedHashMap<>(spec.systemProperties());
        properties.put(key, value);
        return with(spec.withSystemProperties(Map.copyOf(properties)));
    }

    /**
     * Runs the child on another JDK than the test JVM's, for example to test a cluster whose nodes are upgraded one by one:
     * {@code java} is a JDK's home directory or its {@code java} executable, taken relative to the test JVM's working directory.
     * It overrides {@code proctest.child.java}. The JDK must be Java 17 or newer and able to run the main class's class file
     * version: otherwise the spawn fails saying which Java it found, before any process starts.
     */
    public JavaChild java(Path java) {
        Objects.requireNonNull(java, "java");
        return with(spec.withJava(java));
    }

    /**
     * Runs time {@code factor} times faster for the system under test inside the child: its clocks ({@code
     * System.currentTimeMillis}, {@code System.nanoTime}, {@code Instant.now}, {@code Clock.systemUTC} and the {@code now()} of
     * {@code java.time}), its sleeps and its timed waits ({@code Object.wait}, {@code Thread.join}, {@code
     * LockSupport.parkNanos}, {@code java.util.concurrent} timeouts and scheduled delays), all consistently: a sleep of 10 s
     * reads as 10 s on every clock and lasts {@code 10 / factor} s. With {@code timeFactor(1000)} a day passes in under a
     * minute and a half.
     *
     * <p>The child's time starts at the real time its {@code main} starts, or at {@link #startTime}; its log records and
     * recorded calls carry it, and {@link ChildProcess#clock()} reads it from the test. proctest's runtime, JeroMQ, and
     * proctest's own timeouts keep real time. See {@link #timePackages} for which classes run on child time.
     *
     * @param factor how many times faster than real time; above 0 and at most 1,000,000 (1 is real speed, below 1 slows time
     *     down)
     * @throws IllegalArgumentException for a factor that is not a number above 0 or is above 1,000,000, or after {@link
     *     #virtualTime}
     */
    public JavaChild timeFactor(double factor) {
        return withTime(spec.time().withFactor(TimeChecks.factor(factor, spec.time())));
    }

    /**
     * Gives the system under test in the child a virtual clock instead of a {@link #timeFactor}: its clocks stand still while
     * it runs, and when every one of its threads waits, the clock jumps to the earliest deadline of its sleeps and timed waits
     * and wakes that waiter. A sleep of 1 s lasts exactly 1 s of child time however busy the machine is, and a loop that sleeps
     * runs as fast as its code. The time starts as with {@link #startTime}; the rules, what takes part and what keeps real time
     * are in {@code docs/time.md}.
     *
     * @throws IllegalArgumentException after {@link #timeFactor}
     * @since 0.4
     */
    @API(status = EXPERIMENTAL, since = "0.4")
    public JavaChild virtualTime() {
        return withTime(spec.time().withFactor(TimeChecks.virtual(spec.time())));
    }

    /**
     * Starts the child's time at {@code start} when its {@code main} starts (until then it stands
     * still), instead of at the real time then; it runs at the {@link #timeFactor}, or {@link #virtualTime virtually}, from there.
     */
    public JavaChild startTime(Instant start) {
        return withTime(spec.time().withStart(TimeChecks.startEpochNanos(start, spec.time().offsetNanos())));
    }

    /**
     * Puts only the classes of these packages (and of their subpackages) on child time, instead of every class but the JDK's,
     * proctest's and those of the libraries its runtime stands on (JeroMQ, Mockito, Byte Buddy, JUnit, JaCoCo). A class left out
     * keeps real time, and so do the waits it makes for the system under test: narrow the packages to keep a library on real
     * time. A package in which the child's class path holds no class fails the spawn.
     *
     * @throws IllegalArgumentException for a name that is not a package name, or a JDK package
     */
    public JavaChild timePackages(String... packages) {
        return withTime(spec.time().withPackages(TimeChecks.packages(copy(packages, "packages"))));
    }

    /**
     * Gives the child a wall clock that the test can {@linkplain ChildProcess#shiftClock shift} while it runs, starting {@code
     * offset} off what it would read otherwise (later for a positive offset, earlier for a negative one): {@code
     * System.currentTimeMillis}, {@code Instant.now}, the {@code now()} of {@code java.time}, {@code new Date()} and the {@code
     * Clock.system} clocks. {@code System.nanoTime} is not moved, as on a machine whose clock is set. {@code Duration.ZERO}
     * starts it on time and only makes it shiftable.
     *
     * <p>It combines with {@link #timeFactor} (the shifted clock runs at the factor) and {@link #startTime} (the clock starts at
     * the start time moved by the offset), and like them rewrites the system under test's classes as they load (see {@link
     * #timePackages}). The child's log records, recorded calls and {@link ChildProcess#clock()} carry the shifted time.
     *
     * @param offset how far the child's wall clock starts off, within about 292 years
     * @throws IllegalArgumentException for an offset that would take the clock beyond about 292 years of 1970
     * @since 0.3
     */
    @API(status = EXPERIMENTAL, since = "0.3")
    public JavaChild clockOffset(Duration offset) {
        return withTime(spec.time().withOffset(TimeChecks.offsetNanos(offset, spec.time().startEpochNanos())));
    }

    private JavaChild withTime(TimePlan newTime) {
        return with(spec.withTime(newTime));
    }

    @Override
    JavaChild with(SpecSettings settings) {
        return new JavaChild(settings, spec);
    }

    @Override
    String defaultName() {
        return sanitize(spec.mainClass().substring(spec.mainClass().lastIndexOf('.') + 1));
    }

    /**
     * Makes every instance of {@code type} that the child creates, on any thread, a mock: its constructors and instance methods
     * do nothing and answer defaults ({@code 0}, {@code false}, {@code null}, empty collections and optionals) or what {@link
     * #stub} says, and every call, constructor arguments included, is recorded for the test's {@link CallRecorder}. Final classes
     * and methods are mocked too. Its superclass needs a constructor without parameters that the type can call; {@link #spy} has
     * no such need.
     *
     * @throws IllegalArgumentException for an interface, an array, a primitive, or a JDK class
     */
    public JavaChild mock(Class<?> type) {
        return withRule(type, CallRule.Mode.MOCK);
    }

    /**
     * Keeps the real behaviour of every instance of {@code type} that the child creates, on any
     * thread, and records every call: arguments, and what it returned or threw.
     *
     * @throws IllegalArgumentException for an interface, an array, a primitive, or a JDK class
     */
    public JavaChild spy(Class<?> type) {
        return withRule(type, CallRule.Mode.SPY);
    }

    /**
     * Makes {@code method} of the mocked {@code type} answer {@code value}, whatever its arguments. The value travels to the
     * child by Java serialization.
     *
     * @throws IllegalArgumentException if {@code type} is not mocked with {@link #mock} (or its static methods with {@link
     *     #mockStatic}) first, has no mocked method of that name, or {@code value} is not what the method returns or does not
     *     serialize
     */
    public JavaChild stub(Class<?> type, String method, Serializable value) {
        CallRule rule = spec.rules().get(type.getName());
        MockChecks.checkStub(type, method, MockChecks.mockedMethods(type, method, rule, "stub"), value);
        Map<String, byte[]> stubs = new LinkedHashMap<>(rule.stubs());
        stubs.put(method, Serialized.bytes(value, "the stub of " + type.getName() + "." + method));
        return with(spec.withRule(new CallRule(type.getName(), rule.mode(), stubs, rule.answered(), rule.mocksStatics())));
    }

    /**
     * Makes {@code method} of the mocked {@code type} answer what {@code answer} returns, computed in the test JVM for each call
     * while the child's call waits: an answer can depend on the test's state. It overrides a {@link #stub} of the same method.
     *
     * @throws IllegalArgumentException if {@code type} is not mocked with {@link #mock} (or its static methods with {@link
     *     #mockStatic}) first, or has no mocked method of that name
     */
    public JavaChild answer(Class<?> type, String method, RemoteAnswer answer) {
        Objects.requireNonNull(answer, "answer");
        CallRule rule = spec.rules().get(type.getName());
        if (MockChecks.mockedMethods(type, method, rule, "answer").isEmpty()) {
            throw new IllegalArgumentException("Cannot answer " + type.getName() + "." + method + ": it declares no mocked method of that"
                    + " name");
        }
        Set<String> answered = new LinkedHashSet<>(rule.answered());
        answered.add(method);
        return with(spec.withRule(new CallRule(type.getName(), rule.mode(), rule.stubs(), answered, rule.mocksStatics()))
                .withAnswer(type.getName() + "." + method, answer));
    }

    /**
     * Makes the static methods of {@code type} mocks in the child, on every thread: they do nothing and answer defaults, or what
     * {@link #stub} or {@link #answer} say; every call is recorded. Instances of the type keep their behaviour (and are recorded)
     * unless {@link #mock} says otherwise.
     *
     * @throws IllegalArgumentException for an interface, an array, a primitive, or a JDK class
     */
    public JavaChild mockStatic(Class<?> type) {
        CallRule rule = spec.rules().get(Objects.requireNonNull(type, "type").getName());
        JavaChild base = rule == null ? spy(type) : this;
        CallRule current = base.spec.rules().get(type.getName());
        return base.with(base.spec.withRule(new CallRule(type.getName(), current.mode(), current.stubs(), current.answered(), true)));
    }

    private JavaChild withRule(Class<?> type, CallRule.Mode mode) {
        MockChecks.checkMockable(Objects.requireNonNull(type, "type"), mode);
        CallRule earlier = spec.rules().get(type.getName());
        return with(spec.withRule(new CallRule(type.getName(), mode, Map.of(), Set.of(), earlier != null && earlier.mocksStatics())));
    }

    /**
     * Lets exceptions of these types, and of their subclasses, go uncaught on the child's threads
     * without failing the test. Without it, an exception that no code catches on any of the
     * child's threads while the test runs fails the test at its next call into proctest or at its
     * end, naming the child, the thread and the stack trace; {@value Constants#FAIL_UNCAUGHT}
     * turns that off for the run. Each call adds types. The thrown exception's class counts, not its
     * causes'; a class the test JVM cannot load is matched by its name alone.
     *
     * <p>An exception that ends {@code main} counts unless the child's exit is expected ({@link
     * #mayExit}, {@link Ready#afterExit()}, {@link ChildProcess#awaitExit}, {@link Processes#run}).
     * Allowing it lets the exception go, not the exit that follows: that still fails the test
     * unless it is expected.
     *
     * @since 0.3
     */
    @SafeVarargs
    @API(status = EXPERIMENTAL, since = "0.3")
    public final JavaChild allowUncaught(Class<? extends Throwable>... types) {
        SpecSettings allowing = settings();
        for (Class<? extends Throwable> type : types) { // each checked, and no copy of the array escapes
            allowing = allowing.withFaults(allowing.faults().withAllowedUncaught(type));
        }
        return with(allowing);
    }

    JavaSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return "JavaChild[" + childName() + ": " + spec.mainClass() + (spec.args().isEmpty() ? "" : " " + String.join(" ", spec.args()))
                + "]";
    }
}
