package dev.proctest.reliability.hangs.children;

/** A type the hangs suite mocks in a child, so that a call of it waits for the test's answer. */
public class Thermometer {

    public double read() {
        throw new IllegalStateException("no thermometer attached");
    }

    /** Never called: what a test waits for in vain. */
    public void calibrate() {
        throw new IllegalStateException("no thermometer attached");
    }
}
