package dev.proctest.child.time;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * The supertypes of a call's owner, read from class files without loading any class: a call to
 * {@code sleep} on a subclass of {@code Thread} is {@code Thread.sleep}, a call to {@code
 * awaitTermination} on a subclass of {@code ThreadPoolExecutor} waits in the JDK.
 */
final class Hierarchy {

    private final ClassLoader loader;
    private TypePool pool;

    Hierarchy(ClassLoader loader) {
        this.loader = loader;
    }

    /** Whether {@code owner} (an internal name) is {@code Thread} or one of its subclasses. */
    boolean isThread(String owner) {
        if (owner.equals("java/lang/Thread")) {
            return true;
        }
        return !owner.startsWith("java/") && anySupertype(owner, name -> name.equals("java.lang.Thread"));
    }

    /** Whether {@code owner} is a {@code java.util.concurrent} type or a subtype of one, other than {@code TimeUnit}. */
    boolean isConcurrent(String owner) {
        if (owner.startsWith("java/util/concurrent/")) {
            return !owner.equals("java/util/concurrent/TimeUnit");
        }
        return !owner.startsWith("java/") && anySupertype(owner, name -> name.startsWith("java.util.concurrent."));
    }

    /** Whether {@code owner} is {@code type} or one of its subtypes, JDK classes included (both internal names). */
    boolean isSubtype(String owner, String type) {
        String name = type.replace('/', '.');
        return owner.equals(type) || anySupertype(owner, supertype -> supertype.equals(name));
    }

    private boolean anySupertype(String owner, Predicate<String> test) {
        try {
            Deque<TypeDefinition> pending = new ArrayDeque<>();
            Set<String> seen = new HashSet<>();
            pending.add(pool().describe(owner.replace('/', '.')).resolve());
            while (!pending.isEmpty()) {
                TypeDefinition type = pending.pop();
                if (!seen.add(type.getTypeName())) {
                    continue;
                }
                if (test.test(type.asErasure().getName())) {
                    return true;
                }
                if (type.getSuperClass() != null) {
                    pending.add(type.getSuperClass());
                }
                type.getInterfaces().forEach(pending::add);
            }
            return false;
        } catch (RuntimeException e) { // a type without a class file: leave the call alone
            return false;
        }
    }

    private TypePool pool() {
        if (pool == null) {
            pool = TypePool.Default.of(ClassFileLocator.ForClassLoader.of(loader));
        }
        return pool;
    }
}
