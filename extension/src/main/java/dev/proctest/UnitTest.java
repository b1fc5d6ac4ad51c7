package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Marks a method as a <em>unit test</em>: a plain Jupiter {@code @Test} tagged {@code unit}.
 *
 * <p>Unit tests run on Jupiter in the same JVM, with mocks where the unit meets the rest of the
 * system. The tag lets a build run them first: {@code mvn test -Dgroups=unit}.
 *
 * @since 0.1
 * @see ProcessTest
 * @see SystemTest
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@Tag("unit")
@API(status = STABLE, since = "0.1")
public @interface UnitTest {}
