package dev.proctest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Runs a {@link ProcessTest} or {@link SystemTest} {@link #value()} times, as Jupiter's {@code
 * @RepeatedTest} runs a {@code @Test}; each repetition is a test of its own, shown as {@code
 * repetition 1 of 3} below the method, with fresh children and endpoints:
 *
 * <pre>{@code
 * @ProcessTest
 * @Repeated(20)
 * void survives_a_restart(Processes processes, RepetitionInfo repetition) { ... }
 * }</pre>
 *
 * <p>Jupiter's {@code @RepeatedTest} itself cannot be used here: Jupiter would run the method too.
 * A test may take a {@link org.junit.jupiter.api.RepetitionInfo} parameter, as may its
 * {@code @BeforeEach} and {@code @AfterEach} methods. The {@code proctest.repeat} key ({@link
 * Constants#REPEAT}) repeats every selected test from the command line instead.
 *
 * @since 0.4
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = EXPERIMENTAL, since = "0.4")
public @interface Repeated {

    /** How many times the test runs; at least 1. */
    int value();

    /**
     * After how many failed repetitions the remaining ones are skipped, as Jupiter's {@code
     * failureThreshold}: at least 1 and below {@link #value()}; by default every repetition runs.
     */
    int failureThreshold() default Integer.MAX_VALUE;
}
