package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What a child does with the instances of one type: mock them or spy on them, recording every
 * call; for a mock, the constant answers of some methods.
 *
 * @param stubs serialized answers, by method name
 * @param answered the methods whose answers the test JVM computes
 * @param mocksStatics whether its static methods are mocked too
 */
@API(status = INTERNAL, since = "0.1")
public record CallRule(String type, Mode mode, Map<String, byte[]> stubs, Set<String> answered, boolean mocksStatics) {

    /** Whether real behaviour is kept. */
    public enum Mode {
        /** Constructors and instance methods do nothing and answer defaults or stubs. */
        MOCK,
        /** Real behaviour, every call recorded. */
        SPY
    }

    public CallRule {
        stubs = Map.copyOf(stubs);
        answered = Set.copyOf(answered);
    }
}
