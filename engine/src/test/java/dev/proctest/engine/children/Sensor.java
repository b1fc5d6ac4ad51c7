package dev.proctest.engine.children;

/** A temperature sensor whose real constructor needs hardware. */
public class Sensor {

    public Sensor(String device) {
        throw new IllegalStateException("no sensor hardware at " + device);
    }

    /** Finds the sensor's device on the hardware bus. */
    public static String discover() {
        throw new IllegalStateException("no hardware bus");
    }

    public double read() {
        throw new IllegalStateException("no sensor hardware");
    }
}
