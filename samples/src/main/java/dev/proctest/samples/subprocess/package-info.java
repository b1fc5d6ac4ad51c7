/**
 * Process A of the PyZMQ article starts process B on a random port: A binds a socket to a random
 * port and hands the port to B, which would start another process. The test mocks B inside A's
 * JVM, learns the port from B's construction, and talks to A.
 */
package dev.proctest.samples.subprocess;
