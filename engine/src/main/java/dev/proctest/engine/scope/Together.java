package dev.proctest.engine.scope;

import dev.proctest.ChildProcessException;
import dev.proctest.engine.child.RunningChild;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Does something to several children at once, each on a thread of its own: waiting for a cluster's
 * nodes to be ready, which they are only together, and stopping them together at the scope's end.
 */
final class Together {

    private Together() {}

    /**
     * Waits until every child is ready. The first that is not ends the wait: the others are
     * killed, and its failure, naming it and showing its output, is thrown.
     */
    static void awaitReady(List<RunningChild> children) {
        if (children.size() == 1) {
            children.get(0).awaitReady();
            return;
        }
        ExecutorService threads = threads(children.size(), "proctest-await-ready");
        try {
            CompletionService<RunningChild> done = new ExecutorCompletionService<>(threads);
            List<Future<RunningChild>> waits = new ArrayList<>();
            for (RunningChild child : children) {
                waits.add(done.submit(() -> {
                    child.awaitReady();
                    return child;
                }));
            }
            for (int i = 0; i < children.size(); i++) {
                try {
                    done.take().get();
                } catch (ExecutionException e) {
                    waits.forEach(wait -> wait.cancel(true));
                    children.forEach(RunningChild::kill); // the others cannot go on as a cluster without it
                    throw e.getCause() instanceof RuntimeException failure ? failure : new ChildProcessException(e.getCause().toString(), e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            children.forEach(RunningChild::kill);
            throw new ChildProcessException("Interrupted while waiting for " + children.size() + " children to be ready", e);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Runs {@code action} on each child at once and returns when it has on all; it must not throw. */
    static void run(List<RunningChild> children, Consumer<RunningChild> action) {
        if (children.size() == 1) {
            action.accept(children.get(0));
            return;
        }
        ExecutorService threads = threads(children.size(), "proctest-stop");
        try {
            List<Future<?>> runs = new ArrayList<>();
            children.forEach(child -> runs.add(threads.submit(() -> action.accept(child))));
            for (Future<?> run : runs) {
                run.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause()); // the action catches what it throws: a bug if it comes here
        } finally {
            threads.shutdown();
        }
    }

    private static ExecutorService threads(int count, String name) {
        return Executors.newFixedThreadPool(count, task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
