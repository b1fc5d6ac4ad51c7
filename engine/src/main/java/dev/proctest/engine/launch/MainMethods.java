package dev.proctest.engine.launch;

import dev.proctest.ChildProcessException;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.OptionalInt;

/**
 * Checks in the test JVM, before any process starts, that a Java child's main class exists, has a
 * {@code main} to call, and is compiled for a Java the child runs on: the child has the same class
 * path, and a JVM start is saved.
 */
final class MainMethods {

    private static final int CLASS_FILE_MAGIC = 0xCAFEBABE;

    private MainMethods() {}

    static void check(String className, String name, ClassLoader loader, JavaRuntime java) {
        OptionalInt major = classFileVersion(className, loader);
        if (major.isEmpty()) {
            throw notOnClassPath(className, name, "no class file " + resource(className));
        }
        java.checkCanRun(name, className, major.getAsInt());
        if (major.getAsInt() - 44 > Runtime.version().feature()) {
            return; // newer than the test JVM, which cannot load it: the child, which can, finds its main
        }
        Class<?> mainClass;
        try {
            mainClass = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw notOnClassPath(className, name, e.toString());
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

    /** Returns the major version of the class file of {@code className}, if the loader has one. */
    static OptionalInt classFileVersion(String className, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(resource(className))) {
            if (in == null) {
                return OptionalInt.empty();
            }
            DataInputStream data = new DataInputStream(in);
            if (data.readInt() != CLASS_FILE_MAGIC) {
                return OptionalInt.empty();
            }
            data.readUnsignedShort(); // minor version
            return OptionalInt.of(data.readUnsignedShort());
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    private static String resource(String className) {
        return className.replace('.', '/') + ".class";
    }

    private static ChildProcessException notOnClassPath(String className, String name, String why) {
        return new ChildProcessException("Cannot spawn child '" + name + "': its main class " + className
                + " is not on the test class path (" + why + ")");
    }
}
