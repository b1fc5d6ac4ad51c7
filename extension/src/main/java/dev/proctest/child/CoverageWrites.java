package dev.proctest.child;

/**
 * A child's coverage writes, one at a time, none resetting what it wrote. A write that resets
 * (JaCoCo's {@code dump(true)}) clears the probes after writing them, so what a thread runs while
 * the write is under way is cleared unwritten: a method that a child ran as a periodic write went
 * on was missing from its coverage. Without reset each write holds everything so far, and the
 * merge joins them. JaCoCo's own write at exit takes the file's lock, and fails at once while a
 * write of the same JVM holds it; the JVM halts once its shutdown hooks are done, cutting short a
 * write a daemon thread has under way. So the last write, at exit, waits for one under way, and
 * none starts after it.
 */
final class CoverageWrites {

    /** A write of the coverage gathered so far; {@code reset} would clear what it wrote, and is never asked for. */
    interface Write {
        void write(boolean reset) throws Exception;
    }

    private final Write write;
    /** Whether the last write, at exit, has begun; guarded by this. */
    private boolean closing;

    CoverageWrites(Write write) {
        this.write = write;
    }

    /** Writes everything gathered so far, unless the JVM is exiting: the last write then has it. */
    synchronized void now() throws Exception {
        if (!closing) {
            write.write(false);
        }
    }

    /** The last write, from a shutdown hook: after a write under way, and with everything not yet written. */
    synchronized void last() throws Exception {
        closing = true;
        write.write(false);
    }
}
