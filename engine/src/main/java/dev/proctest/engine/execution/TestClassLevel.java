package dev.proctest.engine.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.reflect.Method;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One class of the instances a test runs on: the test's own class, or a class enclosing a
 * {@code @Nested} one, with the {@code @BeforeEach} and {@code @AfterEach} methods it runs on its
 * instance.
 */
@API(status = INTERNAL, since = "0.4")
public record TestClassLevel(Class<?> testClass, List<Method> beforeEach, List<Method> afterEach) {

    public TestClassLevel {
        beforeEach = List.copyOf(beforeEach);
        afterEach = List.copyOf(afterEach);
    }
}
