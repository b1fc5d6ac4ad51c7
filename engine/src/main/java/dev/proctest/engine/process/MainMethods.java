package dev.proctest.engine.process;

import dev.proctest.ChildProcessException;
import dev.proctest.JavaChild;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Checks in the test JVM, before any process starts, that a Java child's main class exists and
 * has a {@code main} to call: the child has the same class path, and a JVM start is saved.
 */
final class MainMethods {

    private MainMethods() {}

    static void check(JavaChild spec, String name, Class<?> testClass) {
        String className = spec.mainClassName();
        Class<?> mainClass;
        try {
            mainClass = Class.forName(className, false, testClass.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ChildProcessException("Cannot spawn child '" + name + "': its main class " + className
                    + " is not on the test class path (" + e + ")");
        }
        try {
            Method main = mainClass.getMethod("main", String[].class);
            if (!Modifier.isStatic(main.getModifiers()) || main.getReturnType() != void.class) {
                throw new NoSuchMethodException();
            }
        } catch (NoSuchMethodException e) {
            throw new ChildProcessException("Cannot spawn child '" + name + "': " + className
                    + " has no public static void main(String[])");
        }
    }
}
