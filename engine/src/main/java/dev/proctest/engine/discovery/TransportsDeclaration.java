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

/** The transports a test repeats over: its own {@code @Transports}, else its class's. */
final class TransportsDeclaration {

    private TransportsDeclaration() {}

    /**
     * Returns the transports of {@code method} run as a test of {@code testClass}, or empty if it
     * runs once; reports an empty or repeating list as an issue and returns it without repeats.
     */
    static Optional<List<Transport>> of(Class<?> testClass, Method method, Issues issues) {
        Optional<Transports> declared = AnnotationSupport.findAnnotation(method, Transports.class)
                .or(() -> AnnotationSupport.findAnnotation(testClass, Transports.class));
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
