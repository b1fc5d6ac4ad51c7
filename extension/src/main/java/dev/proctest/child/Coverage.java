package dev.proctest.child;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.channels.OverlappingFileLockException;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The JaCoCo agent inside this child, if the test JVM started it with one: writes the coverage
 * gathered so far when the test JVM asks (before it stops or kills the child) and every interval,
 * so that a child killed from outside loses at most an interval of it. Each write holds everything
 * gathered so far ({@link CoverageWrites}); the last is made as the JVM exits. The agent is reached
 * by reflection: proctest does not depend on it.
 */
final class Coverage {

    private static final String RT = "org.jacoco.agent.rt.RT";
    /** Guarded by the class. */
    private static CoverageWrites writes;

    private Coverage() {}

    /**
     * Writes the coverage at exit, after any write under way ({@link CoverageWrites}), and starts
     * writing it every interval, if the environment gives one; does nothing without an agent.
     */
    static void startDumps(String interval) {
        if (agent() == null) {
            return;
        }
        Thread last = new Thread(() -> write(true), "proctest-coverage-at-exit");
        Runtime.getRuntime().addShutdownHook(last);
        if (interval == null) {
            return;
        }
        Duration every;
        try {
            every = Duration.parse(interval);
        } catch (DateTimeParseException e) {
            System.err.println("proctest: coverage interval " + interval + " is not a duration; coverage is written at exit only");
            return;
        }
        Thread dumps = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(every.toMillis()); // a period, not a wait for a condition: the write bounds what a kill loses
                    dump();
                }
            } catch (InterruptedException e) {
                // the JVM ends
            }
        }, "proctest-coverage");
        dumps.setDaemon(true);
        dumps.start();
    }

    /**
     * Names the coverage of this JVM after the child it runs, for a JVM of the pool, started before
     * its child's name was known; does nothing without an agent.
     */
    static void name(String childName) {
        Object agent = agent();
        if (agent == null) {
            return;
        }
        try {
            Class.forName("org.jacoco.agent.rt.IAgent", false, ClassLoader.getSystemClassLoader())
                    .getMethod("setSessionId", String.class).invoke(agent, childName);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            System.err.println("proctest: could not name this child's coverage " + childName + ": " + e);
        }
    }

    /** Writes the coverage gathered so far to the agent's file; does nothing without an agent. */
    static void dump() {
        write(false);
    }

    /** A write, now or ({@code last}) at exit; its failure is told on standard error. */
    private static void write(boolean last) {
        CoverageWrites writes = writes();
        if (writes == null) {
            return;
        }
        try {
            if (last) {
                writes.last();
            } else {
                writes.now();
            }
        } catch (Exception | LinkageError e) {
            Throwable cause = e instanceof InvocationTargetException invocation ? invocation.getCause() : e;
            if (last && cause instanceof OverlappingFileLockException) {
                return; // JaCoCo's own write at exit holds the file, and has everything
            }
            System.err.println("proctest: could not write this child's coverage: " + cause);
        }
    }

    /** The writes through this JVM's agent, or {@code null} without one. */
    private static synchronized CoverageWrites writes() {
        if (writes == null) {
            Object agent = agent();
            if (agent == null) {
                return null;
            }
            try {
                Method dump = Class.forName("org.jacoco.agent.rt.IAgent", false, ClassLoader.getSystemClassLoader())
                        .getMethod("dump", boolean.class);
                writes = new CoverageWrites(reset -> dump.invoke(agent, reset));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                System.err.println("proctest: could not write this child's coverage: " + e);
                return null;
            }
        }
        return writes;
    }

    private static Object agent() {
        try {
            return Class.forName(RT, false, ClassLoader.getSystemClassLoader()).getMethod("getAgent").invoke(null);
        } catch (ClassNotFoundException e) {
            return null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null; // the agent's classes are there but it was not started
        }
    }
}
