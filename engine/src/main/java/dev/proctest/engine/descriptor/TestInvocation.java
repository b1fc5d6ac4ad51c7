package dev.proctest.engine.descriptor;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.Transport;
import java.lang.reflect.Method;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * What one run of a test method gets from the repetitions above it: the arguments of its argument
 * set (as the sources gave them, before conversion), its repetition, the directory of its logs and
 * what its report name adds ({@code [tcp][2]}).
 */
@API(status = INTERNAL, since = "0.4")
public record TestInvocation(Object[] arguments, Optional<RepetitionInfo> repetition, String directory, String reportSuffix) {

    /** The one run of a test that is not repeated. */
    static TestInvocation of(Method method) {
        return new TestInvocation(new Object[0], Optional.empty(), method.getName(), "");
    }

    TestInvocation over(Transport transport) {
        return new TestInvocation(arguments, repetition, directory + "-" + transport.label(), reportSuffix + "[" + transport.label() + "]");
    }

    TestInvocation withArguments(int index, Object[] values) {
        return new TestInvocation(values.clone(), repetition, directory + "-" + index, reportSuffix + "[" + index + "]");
    }

    TestInvocation withRepetition(RepetitionInfo info) {
        int current = info.getCurrentRepetition();
        return new TestInvocation(arguments, Optional.of(info), directory + "-r" + current, reportSuffix + "[" + current + "]");
    }
}
