package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Tag;
import org.junit.platform.commons.annotation.Testable;

/**
 * Marks a method as a <em>process test</em>: a test that starts one part of the system under test
 * for real and mimics its peers.
 *
 * <p>Process tests are run by the proctest engine, not by Jupiter, and carry the tag {@code
 * process}, so a build selects them with {@code -Dgroups=process}. Jupiter's {@code @Tag},
 * {@code @DisplayName}, {@code @Disabled}, {@code @Timeout} and lifecycle annotations mean the
 * same on a proctest class as they do in Jupiter. A process test method must not be private,
 * static or return a value, and must not also be annotated with Jupiter's {@code @Test}.
 *
 * <p>This annotation may be used as a meta-annotation to compose annotations of your own.
 *
 * @since 0.1
 * @see SystemTest
 * @see UnitTest
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Testable
@Tag("process")
@API(status = STABLE, since = "0.1")
public @interface ProcessTest {}
