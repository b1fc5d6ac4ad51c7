package dev.proctest.engine.children;

/** A temperature sensor whose real constructor needs hardware. */
public class Sensor {

    public Sensor(String device) {
        throw new IllegalStateException("no sensor hardware at " + device);
    }

    public double read() {
        throw new IllegalStateException("no sensor hardware");
    }
}
