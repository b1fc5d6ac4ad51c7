package dev.proctest.engine.children;

import dev.proctest.child.ProcTest;

/** Switches a relay from the main thread and a worker thread by what a sensor reads, then serves. */
public final class Heating {

    private Heating() {}

    public static void main(String[] args) throws Exception {
        Relay relay = new Relay("boiler");
        if (args.length > 0 && args[0].equals("sensor")) {
            double temperature = new Sensor("/dev/temp0").read();
            System.out.println("temperature " + temperature);
        }
        relay.switchOn();
        Thread worker = new Thread(() -> {
            Relay pump = new Relay("pump");
            pump.switchOn();
            relay.switchOff();
            relay.switchOn();
        }, "worker");
        worker.start();
        worker.join();
        try {
            relay.dim(150);
        } catch (IllegalArgumentException expected) {
            System.out.println("refused: " + expected.getMessage());
        }
        relay.dim(40);
        relay.attach(Thread.currentThread());
        ProcTest.ready();
        Thread.currentThread().join();
    }
}
