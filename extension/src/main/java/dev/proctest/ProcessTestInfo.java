package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What the engine knows about the test or test class being run.
 *
 * <p>Declare a parameter of this type on a test method, a lifecycle method ({@code @BeforeAll},
 * {@code @BeforeEach}, ...) or the test class's constructor and the engine injects it. In
 * {@code @BeforeAll} and {@code @AfterAll} methods it describes the test class.
 *
 * <p>proctest implements this type and hands it to tests; do not implement it yourself, as later
 * versions may add methods to it.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
@NotExtensible
public interface ProcessTestInfo {

    /** Returns the display name of the test or class, as reports show it. */
    String displayName();

    /**
     * Returns the tags of the test or class: {@code process} or {@code system} from the test
     * annotation, plus every {@code @Tag} on the method, its class and their meta-annotations.
     */
    Set<String> tags();

    /** Returns the test class. */
    Class<?> testClass();

    /** Returns the test method, or empty where there is none: in class-level lifecycle methods. */
    Optional<Method> testMethod();
}
