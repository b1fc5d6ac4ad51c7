package dev.proctest.engine.descriptor;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.junit.platform.commons.support.HierarchyTraversalMode.BOTTOM_UP;
import static org.junit.platform.commons.support.HierarchyTraversalMode.TOP_DOWN;

import java.lang.reflect.Method;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The Jupiter lifecycle methods of a test class, in Jupiter's order: "before" methods of a
 * superclass run before those of its subclasses, "after" methods the other way round.
 */
@API(status = INTERNAL, since = "0.1")
public record LifecycleMethods(
        List<Method> beforeAll, List<Method> afterAll, List<Method> beforeEach, List<Method> afterEach) {

    /** Finds the lifecycle methods of {@code testClass} and its superclasses and interfaces. */
    public static LifecycleMethods of(Class<?> testClass) {
        return new LifecycleMethods(
                AnnotationSupport.findAnnotatedMethods(testClass, BeforeAll.class, TOP_DOWN),
                AnnotationSupport.findAnnotatedMethods(testClass, AfterAll.class, BOTTOM_UP),
                AnnotationSupport.findAnnotatedMethods(testClass, BeforeEach.class, TOP_DOWN),
                AnnotationSupport.findAnnotatedMethods(testClass, AfterEach.class, BOTTOM_UP));
    }
}
