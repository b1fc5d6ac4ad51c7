/**
 * Scale: many process tests in one run, sequential and parallel, in a test JVM of their own
 * ({@link dev.proctest.reliability.scale.ScaleHost}), which samples its heap, threads, open files
 * and children as the tests finish; {@link dev.proctest.reliability.scale.ScaleTests} judges the
 * samples and records the figures.
 */
package dev.proctest.reliability.scale;
