package dev.proctest.engine.discovery;

import dev.proctest.Repeated;
import dev.proctest.engine.descriptor.Expansion;
import dev.proctest.engine.descriptor.Repetitions;
import dev.proctest.engine.params.ArgumentSources;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * What a test method expands into when it runs: its argument sources, its {@code @Repeated}, or
 * {@code proctest.repeat} for every selected test, which overrides {@code @Repeated} and stops a
 * test's repetitions at its first failure.
 */
final class ExpansionDeclaration {

    private ExpansionDeclaration() {}

    /**
     * Returns the expansion of {@code method} run as a test of {@code testClass}, or empty if its
     * {@code @Repeated} is unusable, which is reported as an error.
     *
     * @param repeat the value of {@code proctest.repeat}, 1 unless set
     */
    static Optional<Expansion> of(Class<?> testClass, Method method, int repeat, Issues issues) {
        boolean parameterized = ArgumentSources.declaredOn(method);
        Optional<Repeated> declared = AnnotationSupport.findAnnotation(method, Repeated.class);
        if (declared.isPresent()) {
            MethodSource source = MethodSource.from(testClass, method);
            String what = "@Repeated on '" + method.toGenericString() + "'";
            boolean valid = declared.get().value() >= 1 || issues.error(source, "%s asks for %d repetitions: a repeated test runs at"
                    + " least once. Give a count of 1 or more.", what, declared.get().value());
            valid &= declared.get().failureThreshold() >= 1 || issues.error(source, "%s has a failureThreshold of %d: the threshold"
                    + " is a number of failures, 1 or more. Give one, or leave it out to run every repetition.", what,
                    declared.get().failureThreshold());
            int threshold = declared.get().failureThreshold();
            valid &= threshold == Integer.MAX_VALUE || threshold < 1 || threshold < declared.get().value()
                    || issues.error(source, "%s has a failureThreshold of %d, not below its %d repetitions, so it would never skip"
                    + " one; as in Jupiter, give a threshold below the count, or leave it out.", what, threshold, declared.get().value());
            if (!valid) {
                return Optional.empty();
            }
        }
        if (repeat > 1) {
            return Optional.of(new Expansion(parameterized, Optional.of(new Repetitions(repeat, 1))));
        }
        return Optional.of(new Expansion(parameterized,
                declared.map(repeated -> new Repetitions(repeated.value(), repeated.failureThreshold()))));
    }
}
