package dev.proctest.engine.children;

import java.util.ArrayList;
import java.util.List;

/**
 * Sleeps 10 s in steps of 1 s and prints how long each step read on {@code System.nanoTime} and
 * {@code System.currentTimeMillis}, as {@code steps: nanos... / millis...}.
 */
public final class SteppedSleeps {

    private SteppedSleeps() {}

    public static void main(String[] args) throws InterruptedException {
        List<Long> nanos = new ArrayList<>();
        List<Long> millis = new ArrayList<>();
        for (int step = 0; step < 10; step++) {
            long startNanos = System.nanoTime();
            long startMillis = System.currentTimeMillis();
            Thread.sleep(1000);
            nanos.add(System.nanoTime() - startNanos);
            millis.add(System.currentTimeMillis() - startMillis);
        }
        System.out.println("steps: " + nanos + " / " + millis);
    }
}
