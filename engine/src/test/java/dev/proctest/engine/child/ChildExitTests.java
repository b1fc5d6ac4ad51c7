package dev.proctest.engine.child;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A child that the system has reaped has ended, though its {@link Process} may learn so a moment
 * after a caller that waited on the child's {@code ProcessHandle.onExit()} asks.
 */
class ChildExitTests {

    @Test
    void aChildTheSystemHasReapedHasEndedOnceItsProcessCatchesUp() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Lagging lagging = new Lagging(ended.pid(), true);

        assertThat(ChildExit.alive(lagging)).as("alive, for a child the system has reaped").isFalse();
        assertThat(lagging.waitedFor).as("waited for the Process to learn of the exit").isTrue();
    }

    @Test
    void aChildThatRunsIsAliveWithoutWaiting() throws Exception {
        Process running = new ProcessBuilder("sleep", "60").start();
        try {
            Lagging lagging = new Lagging(running.pid(), true);

            assertThat(ChildExit.alive(lagging)).isTrue();
            assertThat(lagging.waitedFor).as("waited, for a child that runs").isFalse();
        } finally {
            running.destroyForcibly().waitFor();
        }
    }

    @Test
    void aChildItsProcessKnowsEndedIsNotAlive() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();

        assertThat(ChildExit.alive(new Lagging(ended.pid(), false))).isFalse();
    }

    /** A process that is still alive to itself until it is waited for, as the JDK's is between its reaping and its completion. */
    private static final class Lagging extends Process {

        private final long pid;
        private volatile boolean alive;
        private volatile boolean waitedFor;

        Lagging(long pid, boolean alive) {
            this.pid = pid;
            this.alive = alive;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public boolean isAlive() {
            return alive;
        }

        @Override
        public boolean waitFor(long timeout, TimeUnit unit) {
            waitedFor = true;
            alive = false;
            return true;
        }

        @Override
        public int waitFor() {
            return waitFor(0, TimeUnit.SECONDS) ? 0 : -1;
        }

        @Override
        public int exitValue() {
            return 0;
        }

        @Override
        public void destroy() {
            alive = false;
        }

        @Override
        public OutputStream getOutputStream() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public InputStream getInputStream() {
            return InputStream.nullInputStream();
        }

        @Override
        public InputStream getErrorStream() {
            return InputStream.nullInputStream();
        }
    }
}
