package dev.proctest.engine.paramfixtures;

import dev.proctest.ProcessTest;
import dev.proctest.Repeated;
import dev.proctest.engine.fixtures.CallLog;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two parameterized tests and a repeated one, whose first invocations meet at a barrier (they
 * must run at once) and which count how many of their own invocations run at a time.
 */
public class ParallelInvocationsTestCase {

    public static volatile CyclicBarrier firstInvocations;
    public static final AtomicInteger MOST_AT_ONCE_IN_ONE_TEST = new AtomicInteger();
    private static final Map<String, AtomicInteger> RUNNING = new ConcurrentHashMap<>();

    @ProcessTest
    @ValueSource(ints = {1, 2, 3})
    void left(int number) throws Exception {
        run("left", number);
    }

    @ProcessTest
    @ValueSource(ints = {1, 2, 3})
    void right(int number) throws Exception {
        run("right", number);
    }

    @ProcessTest
    @Repeated(3)
    void repeated(RepetitionInfo repetition) throws Exception {
        run("repeated", repetition.getCurrentRepetition());
    }

    private static void run(String test, int invocation) throws Exception {
        AtomicInteger running = RUNNING.computeIfAbsent(test, key -> new AtomicInteger());
        MOST_AT_ONCE_IN_ONE_TEST.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            if (invocation == 1) {
                firstInvocations.await(10, TimeUnit.SECONDS);
            }
            CallLog.record(test + " " + invocation);
        } finally {
            running.decrementAndGet();
        }
    }
}
