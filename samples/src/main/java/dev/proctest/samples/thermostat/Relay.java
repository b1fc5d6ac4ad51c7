package dev.proctest.samples.thermostat;

/** The boiler's relay. Final, as drivers often are. */
public final class Relay {

    private boolean on;

    public void switchOn() {
        on = true;
    }

    public void switchOff() {
        on = false;
    }

    public boolean isOn() {
        return on;
    }
}
