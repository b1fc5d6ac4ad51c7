package dev.proctest.engine.injection;

import dev.proctest.engine.scope.Scope;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;

/**
 * Where a parameter is being injected: the descriptor that runs (a test, or a class for its
 * class-level lifecycle methods), its test class and method, the execution request it runs in,
 * and the scope that owns what the injected objects create.
 */
public record InjectionContext(
        TestDescriptor descriptor,
        Class<?> testClass,
        Optional<Method> testMethod,
        ExecutionRequest request,
        Scope scope) {}
