package dev.proctest.engine.children;

import dev.proctest.CoordinationException;
import dev.proctest.child.ProcTest;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A child that coordinates with its test, as its first argument says: {@code arrive <barrier>}
 * arrives and says whether it passed or how the barrier broke; {@code first-run-arrives <barrier>
 * <marker>} arrives only in the run that finds no marker file; {@code put <key> <n>} puts n values;
 * {@code workers <threads> <jobs each>} takes jobs from {@code jobs} on many threads and puts what
 * it did into {@code done}; {@code exit-after <millis>} exits with code 3 after a while; {@code
 * unreadable <key>} puts a value that does not deserialize; {@code idle} waits. Then it runs until
 * stopped.
 */
public final class Coordinated {

    private Coordinated() {}

    public static void main(String[] args) throws Exception {
        ProcTest.ready();
        switch (args[0]) {
            case "arrive" -> arrive(args[1]);
            case "first-run-arrives" -> {
                Path marker = Path.of(args[2]);
                if (!Files.exists(marker)) {
                    Files.writeString(marker, "ran");
                    arrive(args[1]);
                }
            }
            case "put" -> {
                for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                    ProcTest.mailbox(args[1]).put("value " + i);
                }
                System.out.println("put " + args[2]);
            }
            case "workers" -> workers(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "exit-after" -> {
                Thread.sleep(Long.parseLong(args[1])); // a crash some time after the test began to wait
                System.exit(3);
            }
            case "unreadable" -> ProcTest.mailbox(args[1]).put(new Unreadable());
            default -> { } // idle
        }
        new CountDownLatch(1).await();
    }

    private static void arrive(String barrier) {
        System.out.println("arriving at " + barrier);
        try {
            ProcTest.barrier(barrier);
            System.out.println("passed " + barrier);
        } catch (CoordinationException e) {
            System.out.println("broken: " + e.getMessage());
        }
    }

    private static void workers(int threads, int jobsEach) throws InterruptedException {
        String self = System.getProperty("worker.name", "worker");
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String name = self + "/" + t;
            Thread worker = new Thread(() -> {
                for (int i = 0; i < jobsEach; i++) {
                    Serializable job = ProcTest.mailbox("jobs").take();
                    ProcTest.mailbox("done").put(job + " by " + name);
                }
            }, name);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.println("worked " + threads * jobsEach);
    }

    /** A value that serializes but refuses to be read back. */
    public static final class Unreadable implements Serializable {

        private static final long serialVersionUID = 1L;

        private void readObject(ObjectInputStream in) throws InvalidObjectException {
            throw new InvalidObjectException("refuses to be read");
        }
    }
}
