package dev.proctest.samples.heating;

import java.time.Duration;

/**
 * Keeps a room warm without wearing out the boiler's relay: it switches the heating on once the
 * room has read below {@value #ON_BELOW} °C for {@link #HYSTERESIS}, and off once it has read above
 * {@value #OFF_ABOVE} °C for as long. A draught or a ray of sun shorter than that switches nothing.
 */
public final class HeatingController {

    /** How long a reading must last before the relay follows it. */
    public static final Duration HYSTERESIS = Duration.ofSeconds(10);

    /** How often the thermometer is read. */
    public static final Duration PERIOD = Duration.ofSeconds(1);

    public static final double ON_BELOW = 20.0;
    public static final double OFF_ABOVE = 21.0;

    private final Thermometer thermometer;
    private final Relay relay;
    private boolean cold;
    private boolean warm;
    private long coldSince;
    private long warmSince;

    public HeatingController(Thermometer thermometer, Relay relay) {
        this.thermometer = thermometer;
        this.relay = relay;
    }

    /** Controls the heating until interrupted. */
    public void run() throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            step();
            Thread.sleep(PERIOD.toMillis());
        }
    }

    /** Reads the thermometer once and switches the relay if a reading has lasted long enough. */
    void step() {
        double celsius = thermometer.celsius();
        long now = System.nanoTime();
        if (celsius < ON_BELOW && !cold) {
            coldSince = now;
        }
        if (celsius > OFF_ABOVE && !warm) {
            warmSince = now;
        }
        cold = celsius < ON_BELOW;
        warm = celsius > OFF_ABOVE;
        if (!relay.isOn() && cold && now - coldSince >= HYSTERESIS.toNanos()) {
            relay.switchOn();
        } else if (relay.isOn() && warm && now - warmSince >= HYSTERESIS.toNanos()) {
            relay.switchOff();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        new HeatingController(new BusThermometer("/dev/temp0"), new Relay()).run();
    }
}
