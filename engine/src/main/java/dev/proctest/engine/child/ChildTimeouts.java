package dev.proctest.engine.child;

import java.time.Duration;

/** The waits a child's methods use by default, and how many log lines its reports show. */
record ChildTimeouts(Duration ready, Duration stop, Duration await, int reportTail) {}
