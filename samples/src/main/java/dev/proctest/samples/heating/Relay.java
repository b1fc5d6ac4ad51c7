package dev.proctest.samples.heating;

import java.util.logging.Logger;

/** The boiler's relay. */
public class Relay {

    private static final Logger LOG = Logger.getLogger(Relay.class.getName());

    private boolean on;

    public void switchOn() {
        on = true;
        LOG.info("heating on");
    }

    public void switchOff() {
        on = false;
        LOG.info("heating off");
    }

    public boolean isOn() {
        return on;
    }
}
