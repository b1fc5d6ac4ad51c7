package dev.proctest.samples.heating;

/** The room's thermometer on a hardware bus: there is none on a build machine. */
public final class BusThermometer implements Thermometer {

    private final String device;

    public BusThermometer(String device) {
        this.device = device;
    }

    @Override
    public double celsius() {
        throw new IllegalStateException("no thermometer at " + device);
    }
}
