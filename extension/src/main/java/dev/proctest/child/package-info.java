/**
 * What runs inside a child JVM: the proctest runtime that connects the child to the test JVM
 * before calling its {@code main}, and {@link dev.proctest.child.ProcTest}, which the child's own
 * code may call.
 */
package dev.proctest.child;
