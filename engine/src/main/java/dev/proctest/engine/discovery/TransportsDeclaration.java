package dev.proctest.engine.discovery;

import dev.proctest.Transport;
import dev.proctest.Transports;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * The transports a test repeats over: its own {@code @Transports}, else its class's, else that of
 * the class a {@code @Nested} class is in.
 */
final class TransportsDeclaration {

    private TransportsDeclaration() {}

    /**
     * Returns the transports of {@code method} run as a test of {@code testClass}, or empty if it
     * runs once; reports an empty or repeating list as an issue and returns it without repeats.
     */
    static Optional<List<Transport>> of(Class<?> testClass, Method method, Issues issues) {
        Optional<Transports> declared = AnnotationSupport.findAnnotation(method, Transports.class);
        // a @Nested class's tests repeat as its enclosing class's do
        for (Class<?> at = testClass; declared.isEmpty() && at != null;
                at = IsNestedTestClass.INSTANCE.test(at) ? at.getEnclosingClass() : null) {
            declared = AnnotationSupport.findAnnotation(at, Transports.class);
        }
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        List<Transport> listed = Arrays.asList(declared.get().value());
        Set<Transport> distinct = new LinkedHashSet<>(listed);
        MethodSource source = MethodSource.from(testClass, method);
        String what = "@Transports of '" + method.toGenericString() + "'";
        if (distinct.isEmpty()) {
            issues.warning(source, "%s lists no transport, so the test runs once over TCP. List the transports, "
                    + "such as @Transports({TCP, IPC}), or remove it.", what);
            return Optional.empty();
        }
        if (distinct.size() < listed.size()) {
            issues.warning(source, "%s lists a transport twice: %s. The test runs once per transport: %s.", what, listed, distinct);
        }
        return Optional.of(List.copyOf(distinct));
    }
}
