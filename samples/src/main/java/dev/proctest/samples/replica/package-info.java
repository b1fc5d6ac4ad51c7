/**
 * A replicated service, a primary and its backups that agree through heartbeats over ZeroMQ with
 * a majority rule, for the tests that inject faults: partitions, pauses, dropped and delayed
 * heartbeats, a jumped clock, a restart.
 */
package dev.proctest.samples.replica;
