/**
 * A small replicated key-value store of three nodes over TCP, for the guide "Testing a cluster":
 * the live node with the lowest id leads, takes the writes and copies each to the followers before
 * it answers; every node answers reads from its own copy, kept in its data directory.
 */
package dev.proctest.samples.cluster;
