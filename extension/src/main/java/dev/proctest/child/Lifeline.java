package dev.proctest.child;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps a child from outliving the test JVM: watches its parent process and, when the parent is
 * gone or the hub falls silent, ends the child. Its shutdown hooks run, and the runtime's hook
 * takes the child's own descendants down with it.
 */
final class Lifeline {

    /** How often the parent is checked: the child ends well within 2 s of its parent. */
    private static final Duration PARENT_CHECK = Duration.ofMillis(100);

    /** The exit code of a child that ended because the test JVM was gone. */
    static final int ORPHANED = 3;

    /** Set once the child ends because the test JVM is gone: nothing it still sends will be read. */
    private static volatile boolean orphaned;

    /**
     * How long the shutdown hooks of a child that ends because the test JVM is gone may take before
     * the child is halted: longer than the runtime's own hook then takes (it does not wait for the
     * test JVM to read its last records), and a hook that never finishes (a server that ignores
     * SIGTERM) must not keep the child alive where no reaper kills it.
     */
    private static final Duration HOOKS_BOUND = Duration.ofSeconds(5);

    private Lifeline() {}

    /** Returns whether the child is ending because the test JVM is gone or has fallen silent. */
    static boolean isOrphaned() {
        return orphaned;
    }

    /**
     * Starts watching the test JVM: the process {@code pid} names, else this JVM's parent. The
     * process is recognised by its start time too, so a reused pid is not mistaken for it.
     */
    static void watchParent(String pid) {
        Optional<ProcessHandle> parent = pid == null ? ProcessHandle.current().parent() : ProcessHandle.of(Long.parseLong(pid));
        String name = pid != null ? pid : parent.map(process -> String.valueOf(process.pid())).orElse("?");
        Optional<Instant> started = parent.flatMap(process -> process.info().startInstant());
        if (parent.isEmpty() || started.isEmpty()) {
            exit("its parent process " + name + " is gone");
            return;
        }
        long parentPid = parent.get().pid();
        Thread watch = new Thread(() -> {
            while (ProcessHandle.of(parentPid).filter(ProcessHandle::isAlive).flatMap(process -> process.info().startInstant())
                    .equals(started)) {
                try {
                    // A process that is not our child gives no event when it ends: only polling sees it.
                    Thread.sleep(PARENT_CHECK.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
            exit("its parent process " + name + " is gone");
        }, "proctest-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /**
     * Ends the JVM from a thread of its own, so that no caller waits on itself through a shutdown
     * hook, and halts it if its shutdown hooks have not finished within {@link #HOOKS_BOUND}.
     */
    static void exit(String reason) {
        orphaned = true;
        System.err.println("proctest: ending this child: " + reason);
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(HOOKS_BOUND.toMillis()); // the bound of the hooks: no condition to wait on, they may never end
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("proctest: halting this child: its shutdown hooks have not finished within " + HOOKS_BOUND.toSeconds() + " s");
            Runtime.getRuntime().halt(ORPHANED);
        }, "proctest-halt");
        halt.setDaemon(true);
        halt.start();
        Thread exit = new Thread(() -> System.exit(ORPHANED), "proctest-exit");
        exit.setDaemon(true);
        exit.start();
    }
}
