package dev.proctest.engine.descriptor;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * How often each run of a test repeats, from its {@code @Repeated} or {@code proctest.repeat}, and
 * after how many failures the remaining repetitions are skipped.
 */
@API(status = INTERNAL, since = "0.4")
public record Repetitions(int count, int failureThreshold) {}
