package dev.proctest.engine.injection;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.engine.scope.Scope;
import java.lang.reflect.Method;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;

/**
 * Where a parameter is being injected: the descriptor that runs (a test, or a class for its
 * class-level lifecycle methods), its test class and method, the execution request it runs in,
 * and the scope that owns what the injected objects create.
 */
@API(status = INTERNAL, since = "0.1")
public record InjectionContext(
        TestDescriptor descriptor,
        Class<?> testClass,
        Optional<Method> testMethod,
        ExecutionRequest request,
        Scope scope) {}
