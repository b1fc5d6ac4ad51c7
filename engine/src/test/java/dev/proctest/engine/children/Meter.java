package dev.proctest.engine.children;

/** A small class whose calls the call benchmark records. */
public final class Meter {

    private long total;

    public int tick(int amount) {
        total += amount;
        return amount + 1;
    }

    public long total() {
        return total;
    }

    /** Makes {@code calls} calls on a new meter; returns the nanoseconds they took. */
    public static long flood(int calls) {
        Meter meter = new Meter();
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            meter.tick(i);
        }
        return System.nanoTime() - start;
    }
}
