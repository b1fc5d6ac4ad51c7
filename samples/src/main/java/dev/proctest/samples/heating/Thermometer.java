package dev.proctest.samples.heating;

/** Where the controller reads the room's temperature. */
public interface Thermometer {

    /** The temperature in °C. */
    double celsius();
}
