package dev.proctest.engine.injection;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;

/**
 * Where a parameter is being injected: the descriptor that runs (a test, or a class for its
 * class-level lifecycle methods), its test class and method, and the execution request it runs in.
 */
public record InjectionContext(
        TestDescriptor descriptor,
        Class<?> testClass,
        Optional<Method> testMethod,
        ExecutionRequest request) {}
