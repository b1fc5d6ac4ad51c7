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
 * Marks a method as a <em>system test</em>: a test that runs the whole program, as its users do,
 * and checks what it produces.
 *
 * <p>System tests are run by the proctest engine, not by Jupiter, and carry the tag {@code
 * system}, so a build selects them with {@code -Dgroups=system}. Everything said about {@link
 * ProcessTest} methods applies to system tests too.
 *
 * @since 0.1
 * @see ProcessTest
 * @see UnitTest
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Testable
@Tag("system")
@API(status = STABLE, since = "0.1")
public @interface SystemTest {}
