/**
 * The misbehaving other sides the hangs suite waits on: child main classes that never answer, never
 * get ready, never exit, ignore {@code SIGTERM}, close their output, flood it, fork a crowd or block
 * as they end.
 */
package dev.proctest.reliability.hangs.children;
