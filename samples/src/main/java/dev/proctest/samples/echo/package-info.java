/**
 * A line echo server and its client: the smallest system of two processes, tested at every level
 * in {@code EchoTests}.
 */
package dev.proctest.samples.echo;
