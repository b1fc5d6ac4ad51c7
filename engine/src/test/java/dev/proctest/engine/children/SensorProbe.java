package dev.proctest.engine.children;

import dev.proctest.child.ProcTest;

/** Reads a sensor once, printing the temperature or why it could not, then says it is ready and serves. */
public final class SensorProbe {

    private SensorProbe() {}

    public static void main(String[] args) throws InterruptedException {
        try {
            System.out.println("temperature " + new Sensor("/dev/temp0").read());
        } catch (RuntimeException e) {
            System.out.println("failed: " + e);
        }
        ProcTest.ready();
        Thread.currentThread().join();
    }
}
