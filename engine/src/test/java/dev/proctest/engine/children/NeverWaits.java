package dev.proctest.engine.children;

/** Computes without ever waiting, and prints how far its clock moved meanwhile, as {@code moved: nanos millis sum}. */
public final class NeverWaits {

    private NeverWaits() {}

    public static void main(String[] args) {
        long startNanos = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        long sum = 0;
        for (long i = 0; i < 200_000_000L; i++) {
            sum += i % 7;
        }
        System.out.println("moved: " + (System.nanoTime() - startNanos) + " " + (System.currentTimeMillis() - startMillis) + " " + sum);
    }
}
