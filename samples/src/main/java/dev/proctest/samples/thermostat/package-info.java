/**
 * A thermostat in the spirit of the multiprocessing article: it reads a sensor and switches a
 * relay and a pump. The hardware classes cannot run on a build machine; tests mock the sensor,
 * answer its reads from the test, and spy on the relay and the pump.
 */
package dev.proctest.samples.thermostat;
