package dev.proctest.samples.thermostat;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Heats below 20 °C and stops at 21 °C: relay on, then pump; pump off, then relay. Reads the
 * sensor every 10 ms on a control thread.
 */
public final class Thermostat {

    private static final AtomicInteger SWITCHES = new AtomicInteger();

    private Thermostat() {}

    /** How often the thermostat switched the heating on or off. */
    public static int switches() {
        return SWITCHES.get();
    }

    public static void main(String[] args) throws InterruptedException {
        Sensor sensor = new Sensor("/dev/temp0");
        Relay relay = new Relay();
        Pump pump = new Pump();
        Thread control = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                double temperature = sensor.read();
                if (temperature < 20 && !relay.isOn()) {
                    relay.switchOn();
                    pump.start();
                    SWITCHES.incrementAndGet();
                } else if (temperature >= 21 && relay.isOn()) {
                    pump.stop();
                    relay.switchOff();
                    SWITCHES.incrementAndGet();
                }
                try {
                    Thread.sleep(10); // the control period: a thermostat reads its sensor a hundred times a second
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "control");
        control.start();
        System.out.println("thermostat running");
        control.join();
    }
}
