package dev.proctest.engine.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Threads that start short processes ({@code true}) one after another until closed, as a test JVM
 * does whose other tests spawn children: each start forks the JVM, and the child holds a copy of
 * every descriptor of the JVM until its exec. They start them as {@code starter} does: as
 * proctest does ({@code Forks::start}), or as code of the test's own ({@code ProcessBuilder::start}).
 */
public final class BackgroundSpawns implements AutoCloseable {

    private final AtomicBoolean spawning = new AtomicBoolean(true);
    private final List<CompletableFuture<Integer>> threads = new ArrayList<>();

    /** What starts a process. */
    public interface Starter {
        Process start(ProcessBuilder builder) throws IOException;
    }

    private final Starter starter;

    public BackgroundSpawns(int threadCount, Starter starter) {
        this.starter = starter;
        for (int i = 0; i < threadCount; i++) {
            threads.add(CompletableFuture.supplyAsync(this::spawnWhileOpen, runnable -> new Thread(runnable, "spawns").start()));
        }
    }

    /** Stops the threads and returns how many processes they started. */
    public int stop() {
        spawning.set(false);
        return threads.stream().mapToInt(thread -> thread.orTimeout(30, TimeUnit.SECONDS).join()).sum();
    }

    @Override
    public void close() {
        stop();
    }

    private int spawnWhileOpen() {
        int count = 0;
        try {
            while (spawning.get()) {
                starter.start(new ProcessBuilder("true").redirectOutput(ProcessBuilder.Redirect.DISCARD)).waitFor();
                count++;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return count;
    }
}
