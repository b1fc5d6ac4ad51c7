package dev.proctest.engine.children;

import dev.proctest.child.ProcTest;

/** Reads a sensor once, printing the temperature or why it could not, then says it is ready and serves. */
public final class SensorProbe {

    private SensorProbe() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("discover")) {
            Thread discovery = new Thread(() -> System.out.println("found " + Sensor.discover()), "discovery");
            discovery.start();
            discovery.join();
        }
        try {
            System.out.println("temperature " + new Sensor("/dev/temp0").read());
        } catch (RuntimeException e) {
            System.out.println("failed: " + e);
        }
        ProcTest.ready();
        Thread.currentThread().join();
    }
}
