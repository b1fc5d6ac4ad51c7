package dev.proctest.child;

import java.time.Duration;
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

    private Lifeline() {}

    /** Starts watching the parent this JVM has now. */
    static void watchParent() {
        Optional<Long> parent = ProcessHandle.current().parent().map(ProcessHandle::pid);
        Thread watch = new Thread(() -> {
            while (ProcessHandle.current().parent().map(ProcessHandle::pid).equals(parent)) {
                try {
                    // A dead parent gives no event to wait for: the child is re-parented, which only polling sees.
                    Thread.sleep(PARENT_CHECK.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
            exit("its parent process " + parent.map(String::valueOf).orElse("?") + " is gone");
        }, "proctest-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** Ends the JVM from a thread of its own, so that no caller waits on itself through a shutdown hook. */
    static void exit(String reason) {
        System.err.println("proctest: ending this child: " + reason);
        Thread exit = new Thread(() -> System.exit(ORPHANED), "proctest-exit");
        exit.setDaemon(true);
        exit.start();
    }
}
