package dev.proctest.engine.discovery;

import dev.proctest.Implementation;
import dev.proctest.Implementations;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.support.descriptor.ClassSource;

/** The implementations a test class runs once each: its {@code @Implementations}. */
final class ImplementationsDeclaration {

    private ImplementationsDeclaration() {}

    /**
     * Returns the implementations of {@code testClass}, none if it is not annotated, or empty if
     * the annotation is unusable, which is reported as an error; repeats are reported and dropped.
     */
    static Optional<List<String>> of(Class<?> testClass, Issues issues) {
        Optional<Implementations> declared = AnnotationSupport.findAnnotation(testClass, Implementations.class);
        if (declared.isEmpty()) {
            return Optional.of(List.of());
        }
        List<String> listed = Arrays.asList(declared.get().value());
        Set<String> distinct = new LinkedHashSet<>(listed);
        ClassSource source = ClassSource.from(testClass);
        String what = "@Implementations of test class '" + testClass.getName() + "'";
        if (distinct.isEmpty()) {
            issues.error(source, "%s lists no implementation, so there is nothing to run its tests against. List them, such as "
                    + "@Implementations({\"java\", \"python\"}), or remove it.", what);
            return Optional.empty();
        }
        for (String name : distinct) {
            try {
                new Implementation(name);
            } catch (IllegalArgumentException notAName) {
                issues.error(source, "%s lists [%s], which cannot name an implementation: use letters, digits, '.', '_' and '-'"
                        + " only, and not only dots, as the name is the directory of its logs.", what, name);
                return Optional.empty();
            }
        }
        if (distinct.size() < listed.size()) {
            issues.warning(source, "%s lists an implementation twice: %s. The class runs once per implementation: %s.", what, listed,
                    distinct);
        }
        return Optional.of(List.copyOf(distinct));
    }
}
