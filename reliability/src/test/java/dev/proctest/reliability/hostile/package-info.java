/**
 * Hostile input: a process outside the test JVM sends the hub garbage while the run's children
 * work, and an impostor hub in the test JVM feeds a child's channel garbage.
 */
package dev.proctest.reliability.hostile;
