/**
 * Log capture inside a child JVM: every line of stdout and stderr and every event of {@code
 * java.util.logging}, Logback and Log4j 2 becomes a record sent to the test JVM, in order.
 *
 * <p>Output passes through unchanged, so the test JVM still reads the exact bytes from the
 * child's pipes; what a console appender prints for an event is attached to the event as its
 * echo, so that the test JVM records it once. Logback and Log4j 2 are optional: their captures
 * load only when the child uses them.
 */
@API(status = INTERNAL, since = "0.1")
package dev.proctest.child.logging;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
