package dev.proctest.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.RemoteAnswer;
import dev.proctest.wire.CallRule;
import dev.proctest.wire.TimePlan;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a {@code JavaChild} runs and how, besides the settings of every spec.
 *
 * @param rules what it mocks and spies on, by type name, in the order declared
 * @param answers the answers the test JVM computes, by {@code <type>.<method>}
 * @param java the JDK asked for, a home or a {@code java}, or null for the configured one
 */
@API(status = INTERNAL, since = "0.1")
public record JavaSpec(String mainClass, List<String> args, List<String> jvmArgs, Map<String, String> systemProperties,
        Map<String, CallRule> rules, Map<String, RemoteAnswer> answers, TimePlan time, Path java) {

    public static JavaSpec of(String mainClass) {
        return new JavaSpec(mainClass, List.of(), List.of(), Map.of(), Map.of(), Map.of(), TimePlan.REAL, null);
    }

    /** Returns what it mocks and spies on, in the order declared. */
    public List<CallRule> callRules() {
        return List.copyOf(rules.values());
    }

    public Optional<Path> chosenJava() {
        return Optional.ofNullable(java);
    }

    public JavaSpec withArgs(List<String> newArgs) {
        return new JavaSpec(mainClass, newArgs, jvmArgs, systemProperties, rules, answers, time, java);
    }

    public JavaSpec withJvmArgs(List<String> newJvmArgs) {
        return new JavaSpec(mainClass, args, newJvmArgs, systemProperties, rules, answers, time, java);
    }

    public JavaSpec withSystemProperties(Map<String, String> properties) {
        return new JavaSpec(mainClass, args, jvmArgs, properties, rules, answers, time, java);
    }

    /** Returns this spec with {@code rule} for its type, in the place of an earlier rule for it, else last. */
    public JavaSpec withRule(CallRule rule) {
        Map<String, CallRule> newRules = new LinkedHashMap<>(rules);
        newRules.put(rule.type(), rule);
        return new JavaSpec(mainClass, args, jvmArgs, systemProperties, Collections.unmodifiableMap(newRules), answers, time, java);
    }

    /** Returns this spec with {@code answer} for {@code <type>.<method>}. */
    public JavaSpec withAnswer(String method, RemoteAnswer answer) {
        Map<String, RemoteAnswer> newAnswers = new LinkedHashMap<>(answers);
        newAnswers.put(method, answer);
        return new JavaSpec(mainClass, args, jvmArgs, systemProperties, rules, Collections.unmodifiableMap(newAnswers), time, java);
    }

    public JavaSpec withTime(TimePlan newTime) {
        return new JavaSpec(mainClass, args, jvmArgs, systemProperties, rules, answers, newTime, java);
    }

    public JavaSpec withJava(Path newJava) {
        return new JavaSpec(mainClass, args, jvmArgs, systemProperties, rules, answers, time, newJava);
    }
}
