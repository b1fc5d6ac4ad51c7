package dev.proctest.child;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The JaCoCo agent inside this child, if the test JVM started it with one: writes the coverage
 * gathered so far when the test JVM asks (before it stops or kills the child) and every interval,
 * so that a child killed from outside loses at most an interval of it. Each write resets what it
 * wrote; the agent writes the rest when the JVM exits. The agent is reached by reflection: proctest
 * does not depend on it.
 */
final class Coverage {

    private static final String RT = "org.jacoco.agent.rt.RT";

    private Coverage() {}

    /** Starts writing the coverage every interval, if the environment gives one and the agent runs. */
    static void startDumps(String interval) {
        if (interval == null || agent() == null) {
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

    /** Writes the coverage gathered since the last write to the agent's file; does nothing without an agent. */
    static synchronized void dump() {
        Object agent = agent();
        if (agent == null) {
            return;
        }
        try {
            Method dump = Class.forName("org.jacoco.agent.rt.IAgent", false, ClassLoader.getSystemClassLoader())
                    .getMethod("dump", boolean.class);
            dump.invoke(agent, true);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e instanceof InvocationTargetException invocation ? invocation.getCause() : e;
            System.err.println("proctest: could not write this child's coverage: " + cause);
        }
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
