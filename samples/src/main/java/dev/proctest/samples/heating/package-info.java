/**
 * The multiprocessing article's heating control: a control loop reads a room thermometer once a
 * second and switches a relay after a 10 s hysteresis. Its timing is production timing, written
 * with {@code System.nanoTime} and {@code Thread.sleep}; tests run a whole day of it in seconds
 * with a time factor, and assert on production durations.
 */
package dev.proctest.samples.heating;
