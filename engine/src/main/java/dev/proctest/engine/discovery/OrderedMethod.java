package dev.proctest.engine.discovery;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.MethodDescriptor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.TestDescriptor;

/** A test of a class as a Jupiter {@link org.junit.jupiter.api.MethodOrderer} sees it: its method and display name. */
final class OrderedMethod implements MethodDescriptor {

    private final TestDescriptor descriptor;
    private final Method method;

    OrderedMethod(TestDescriptor descriptor, Method method) {
        this.descriptor = descriptor;
        this.method = method;
    }

    TestDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Method getMethod() {
        return method;
    }

    @Override
    public String getDisplayName() {
        return descriptor.getDisplayName();
    }

    @Override
    public boolean isAnnotated(Class<? extends Annotation> annotationType) {
        return AnnotationSupport.isAnnotated(method, annotationType);
    }

    @Override
    public <A extends Annotation> Optional<A> findAnnotation(Class<A> annotationType) {
        return AnnotationSupport.findAnnotation(method, annotationType);
    }

    @Override
    public <A extends Annotation> List<A> findRepeatableAnnotations(Class<A> annotationType) {
        return AnnotationSupport.findRepeatableAnnotations(method, annotationType);
    }

    @Override
    public String toString() {
        return "OrderedMethod[" + method.toGenericString() + "]";
    }
}
