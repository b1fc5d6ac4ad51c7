package dev.proctest.engine.calls;

import static org.mockito.Mockito.withSettings;

import dev.proctest.RecordedCall;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mockito.Mockito;

/**
 * Local Mockito mocks onto which recorded calls are replayed, so that Mockito's own verification
 * works across the process boundary.
 */
final class Mirrors {

    private Mirrors() {}

    /**
     * Returns a mock of {@code type} with every call recorded on the type so far replayed, which
     * goes on receiving the calls recorded later: {@code verify(mirror, timeout(ms))} waits for one
     * on its way.
     */
    static <T> T of(Class<T> type, List<ChildCalls> children) {
        Map<String, Method> methods = methodsByDescriptor(type);
        List<String> lost = new ArrayList<>();
        for (ChildCalls child : children) {
            for (RecordedCall call : child.calls()) {
                if (call.type().equals(type.getName()) && replayable(call, methods)) {
                    lost.addAll(unserializable((ReceivedCall) call));
                }
            }
        }
        String name = "mirror of " + type.getSimpleName() + (lost.isEmpty() ? ""
                : " (not serializable, replayed as null or zero: " + String.join("; ", lost) + ")");
        T mirror = Mockito.mock(type, withSettings().name(name));
        for (ChildCalls child : children) {
            child.replayAndFollow(call -> {
                if (call.type().equals(type.getName()) && replayable(call, methods)) {
                    replay(mirror, methods.get(call.method() + ((ReceivedCall) call).descriptor()), (ReceivedCall) call);
                }
            });
        }
        return mirror;
    }

    private static boolean replayable(RecordedCall call, Map<String, Method> methods) {
        ReceivedCall received = (ReceivedCall) call;
        // constructions and static calls have no instance to replay on; a subclass's own methods are not the type's
        return !received.isConstruction() && !received.isStatic() && methods.containsKey(received.method() + received.descriptor());
    }

    private static List<String> unserializable(ReceivedCall call) {
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < call.arguments().size(); i++) {
            if (call.isUnserializable(i)) {
                lost.add("argument " + i + " of " + call.method() + " (" + call.arguments().get(i) + ")");
            }
        }
        return lost;
    }

    private static void replay(Object mirror, Method method, ReceivedCall call) {
        Object[] arguments = call.arguments().toArray();
        Class<?>[] parameters = method.getParameterTypes();
        for (int i = 0; i < arguments.length; i++) {
            if (call.isUnserializable(i)) {
                arguments[i] = null;
            }
            if (arguments[i] == null && parameters[i].isPrimitive()) {
                arguments[i] = zero(parameters[i]);
            }
        }
        invoke(mirror, method, arguments);
    }

    private static void invoke(Object mirror, Method method, Object[] arguments) {
        try {
            method.setAccessible(true);
            method.invoke(mirror, arguments);
        } catch (InvocationTargetException | IllegalAccessException e) {
            // a mock answers defaults; nothing to do with what it returns
        }
    }

    private static Map<String, Method> methodsByDescriptor(Class<?> type) {
        Map<String, Method> methods = new LinkedHashMap<>();
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Method method : current.getDeclaredMethods()) {
                methods.putIfAbsent(method.getName() + descriptor(method), method);
            }
        }
        return methods;
    }

    /** The method's JVM descriptor, as the child's weaving reports it: {@code (ILjava/lang/String;)V}. */
    private static String descriptor(Method method) {
        StringBuilder descriptor = new StringBuilder("(");
        for (Class<?> parameter : method.getParameterTypes()) {
            descriptor.append(parameter.descriptorString());
        }
        return descriptor.append(')').append(method.getReturnType().descriptorString()).toString();
    }

    private static Object zero(Class<?> primitive) {
        return primitive == boolean.class ? false : primitive == char.class ? (char) 0 : primitive == long.class ? 0L
                : primitive == double.class ? 0d : primitive == float.class ? 0f : primitive == short.class ? (short) 0
                : primitive == byte.class ? (byte) 0 : 0;
    }
}
