package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a type that proctest implements and hands to tests: use it, but do not implement or
 * extend it, as later versions may add methods to it. Mockito marks its own such types the same
 * way.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface NotExtensible {}
