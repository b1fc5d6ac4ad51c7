package dev.proctest.samples.thermostat;

/** The circulation pump. */
public class Pump {

    private boolean running;

    public void start() {
        running = true;
    }

    public void stop() {
        running = false;
    }

    public boolean isRunning() {
        return running;
    }
}
