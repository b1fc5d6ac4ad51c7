package dev.proctest.child;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.child.calls.CallWeaving;
import dev.proctest.child.logging.ConsoleCapture;
import dev.proctest.child.logging.LoggingCaptures;
import dev.proctest.child.logging.UncaughtCapture;
import dev.proctest.child.time.ChildTime;
import dev.proctest.child.time.TimeRewriting;
import dev.proctest.wire.ChildPlan;
import dev.proctest.wire.Environment;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.apiguardian.api.API;

/**
 * The main class of every proctest child JVM. It connects to the test JVM's hub, captures the
 * child's output, receives its {@link ChildPlan}, sets the plan's system properties, captures the
 * child's logging frameworks and its uncaught exceptions, weaves what the plan mocks and spies on, puts the system under test on
 * child time if the plan says so, and calls the real {@code main}. The child thus learns what to run
 * from the plan, not from its command line.
 */
@API(status = INTERNAL, since = "0.1")
public final class ChildMain {

    /** How long a child waits for its plan; the test JVM sends it as soon as the child connects. */
    private static final Duration PLAN_TIMEOUT = Duration.ofSeconds(30);

    /** How long pending messages may take to reach the test JVM when the child ends. */
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(2);

    /** How long the child must have logged nothing before its last records are sent at shutdown. */
    private static final Duration QUIET_BEFORE_END = Duration.ofMillis(50);

    /** The exit code of a child that could not get or follow its plan. */
    private static final int CANNOT_RUN = 2;

    private ChildMain() {}

    public static void main(String[] ignored) throws Throwable {
        String hub = System.getenv(Environment.HUB);
        String childId = System.getenv(Environment.CHILD_ID);
        String token = System.getenv(Environment.TOKEN);
        if (hub == null || childId == null || token == null) {
            fail(ChildMain.class.getName() + " runs inside a child process that proctest starts; it was started without "
                    + "the environment proctest gives it (" + Environment.HUB + ", " + Environment.CHILD_ID + ", "
                    + Environment.TOKEN + ")");
        }
        Lifeline.watchParent(System.getenv(Environment.PARENT_PID));
        Duration pooled = pooledWait(System.getenv(Environment.POOLED));
        ChildChannel channel = ChildChannel.connect(hub, childId, token, pooled);
        ConsoleCapture.install(channel.sink());
        if (pooled != null) {
            Prewarm.start(System.getProperty(Environment.POOLED_PROPERTY, "pooled"), System.getenv(Environment.PRELOAD));
        }
        ChildPlan plan;
        try {
            plan = channel.awaitPlan(pooled == null ? PLAN_TIMEOUT : null); // a pooled JVM waits as long as the hub lives
        } catch (IllegalStateException e) {
            channel.close(Duration.ZERO);
            throw fail("cannot run: " + e.getMessage());
        }
        Prewarm.stop();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown(channel), "proctest-shutdown"));
        ProcessName.set(plan.childName());
        if (pooled != null) { // what a cold child's command line says, a pooled one learns now
            System.setProperty(Environment.CHILD_PROPERTY, plan.childName());
            System.setProperty(Environment.MAIN_PROPERTY, plan.mainClass());
            Coverage.name(plan.childName());
        }
        Coverage.startDumps(System.getenv(Environment.COVERAGE_INTERVAL));
        plan.systemProperties().forEach(System::setProperty);
        LoggingCaptures.install(channel.sink());
        UncaughtCapture.install(channel.sink(), Thread.currentThread()); // this thread runs main, and may end it by a throw
        if (!plan.callRules().isEmpty()) { // before the main class loads the types
            CallWeaving.install(plan.callRules(), channel::called, channel::ask);
        }
        if (plan.time().rewrites()) { // before the main class loads, too
            TimeRewriting.install(plan.time());
        }
        Method main = mainMethod(plan.mainClass());
        channel.started(ChildTime.start());
        try {
            main.invoke(null, (Object) plan.args().toArray(new String[0]));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Returns how long a JVM of the pool may hear nothing from the hub while it waits, or null for a child started for its plan. */
    private static Duration pooledWait(String heartbeat) {
        if (heartbeat == null) {
            return null;
        }
        try {
            return Duration.parse(heartbeat);
        } catch (DateTimeParseException e) {
            throw fail(Environment.POOLED + " must be a duration such as PT10S, was [" + heartbeat + "]");
        }
    }

    private static Method mainMethod(String className) {
        Class<?> mainClass;
        try {
            mainClass = Class.forName(className, false, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw fail("cannot load main class " + className + ": " + e);
        }
        try {
            Method main = mainClass.getMethod("main", String[].class);
            if (!Modifier.isStatic(main.getModifiers()) || main.getReturnType() != void.class) {
                throw fail(className + ".main(String[]) must be public static void");
            }
            main.setAccessible(true);
            return main;
        } catch (NoSuchMethodException e) {
            throw fail(className + " has no public static void main(String[])");
        }
    }

    /**
     * Takes the child's descendants down with it, then delivers its last records and messages.
     * Other shutdown hooks run at the same time and may still log: the records are sent once the
     * child has logged nothing for a moment, or at the latest after {@link #FLUSH_TIMEOUT}. The
     * child then ends once the test JVM has read them all (see {@link ChildChannel#end()}).
     */
    private static void shutDown(ChildChannel channel) {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        System.out.flush();
        System.err.flush();
        channel.sink().drain(QUIET_BEFORE_END.toMillis(), FLUSH_TIMEOUT.toMillis());
        if (!channel.end() && !Lifeline.isOrphaned()) { // on the pipe, which the test JVM reads apart from the channel
            System.err.println("proctest: the test JVM read nothing from this child's channel for its heartbeat timeout while the child"
                    + " ended; records the child logged last may be missing from its log");
        }
        channel.close(FLUSH_TIMEOUT);
    }

    private static IllegalStateException fail(String message) {
        System.err.println("proctest: " + message);
        System.exit(CANNOT_RUN);
        return new IllegalStateException(message);
    }
}
