package dev.proctest.samples.thermostat;

/** A temperature sensor on a hardware bus. */
public class Sensor {

    private final String device;

    public Sensor(String device) {
        this.device = device;
    }

    /** Reads the temperature in °C. */
    public double read() {
        throw new IllegalStateException("no sensor hardware at " + device);
    }
}
