package dev.proctest.engine.injection;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.engine.scope.Scope;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import org.apiguardian.api.API;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * Sets Jupiter's {@code @TempDir} fields, of type {@link Path} or {@link File}: the static ones for
 * the class's scope before its {@code @BeforeAll} methods, the others for each test's scope on its
 * new instance.
 */
@API(status = INTERNAL, since = "0.1")
public final class TempDirFields {

    private TempDirFields() {}

    /**
     * Sets the {@code @TempDir} fields of {@code testClass}: its static ones if {@code instance} is
     * null, else those of the instance.
     *
     * @throws JUnitException for a field that is final or of another type
     */
    public static void inject(Class<?> testClass, Object instance, Scope scope) {
        for (Field field : AnnotationSupport.findAnnotatedFields(testClass, TempDir.class,
                field -> Modifier.isStatic(field.getModifiers()) == (instance == null), HierarchyTraversalMode.TOP_DOWN)) {
            if (Modifier.isFinal(field.getModifiers()) || (field.getType() != Path.class && field.getType() != File.class)) {
                throw new JUnitException("Cannot set @TempDir field " + field.getDeclaringClass().getName() + "." + field.getName()
                        + ": it must be a Path or a File, and not final");
            }
            Path directory = scope.tempDir(field.getAnnotation(TempDir.class).cleanup());
            try {
                field.setAccessible(true);
                field.set(instance, field.getType() == File.class ? directory.toFile() : directory);
            } catch (IllegalAccessException e) {
                throw new JUnitException("Cannot set @TempDir field " + field.getName() + ": " + e, e);
            }
        }
    }
}
