package dev.proctest.engine.params;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Named;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.commons.support.conversion.ConversionException;
import org.junit.platform.commons.support.conversion.ConversionSupport;

/**
 * Converts the arguments an argument source gave into a test method's parameter types, as
 * Jupiter's default conversion does: a {@link Named} gives its payload, a value of the type passes
 * as it is, a primitive widens ({@code int} to {@code long}), and a {@code String} converts
 * implicitly ({@code "3"} to {@code int}, an enum constant's name, a {@code Path}, a class with a
 * factory method or constructor taking one {@code String}, ...).
 */
@API(status = INTERNAL, since = "0.4")
public final class ArgumentConversion {

    /** For each primitive, the wrappers of the primitives it widens from. */
    private static final Map<Class<?>, List<Class<?>>> WIDENS_FROM = Map.of(
            short.class, List.of(Byte.class),
            int.class, List.of(Byte.class, Short.class, Character.class),
            long.class, List.of(Byte.class, Short.class, Character.class, Integer.class),
            float.class, List.of(Byte.class, Short.class, Character.class, Integer.class, Long.class),
            double.class, List.of(Byte.class, Short.class, Character.class, Integer.class, Long.class, Float.class));

    private ArgumentConversion() {}

    /** Returns {@code arguments} converted into the first parameters of {@code method}; those beyond its parameters are dropped. */
    public static Object[] convert(Object[] arguments, Method method) {
        Parameter[] parameters = method.getParameters();
        int count = Math.min(arguments.length, parameters.length);
        Object[] converted = new Object[count];
        for (int i = 0; i < count; i++) {
            converted[i] = convert(payload(arguments[i]), parameters[i], i, method);
        }
        return converted;
    }

    /** The value a test receives for {@code argument}: a {@link Named}'s payload, else the argument. */
    static Object payload(Object argument) {
        return argument instanceof Named<?> named ? named.getPayload() : argument;
    }

    private static Object convert(Object value, Parameter parameter, int index, Method method) {
        Class<?> type = parameter.getType();
        if (value == null) {
            if (type.isPrimitive()) {
                throw failure(index, method, "null cannot fill the primitive " + type.getName(), null);
            }
            return null;
        }
        Class<?> boxed = type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
        if (boxed.isInstance(value)) {
            return value;
        }
        if (type.isPrimitive() && WIDENS_FROM.getOrDefault(type, List.of()).contains(value.getClass())) {
            return widen(value, type);
        }
        if (value instanceof String text) {
            try {
                return ConversionSupport.convert(text, type, method.getDeclaringClass().getClassLoader());
            } catch (ConversionException e) {
                throw failure(index, method, "\"" + text + "\" does not convert to " + type.getName(), e);
            }
        }
        throw failure(index, method, "no built-in converter takes a " + value.getClass().getName() + " to " + type.getName(), null);
    }

    private static Object widen(Object value, Class<?> type) {
        long whole = value instanceof Character c ? c : ((Number) value).longValue();
        boolean floating = value instanceof Float;
        if (type == short.class) {
            return (short) whole;
        }
        if (type == int.class) {
            return (int) whole;
        }
        if (type == long.class) {
            return whole;
        }
        if (type == float.class) {
            return (float) whole;
        }
        return floating ? ((Number) value).doubleValue() : (double) whole;
    }

    private static JUnitException failure(int index, Method method, String what, Throwable cause) {
        return new JUnitException(String.format("Cannot fill parameter [%s] of %s with argument %d: %s.",
                method.getParameters()[index], method.toGenericString(), index, what), cause);
    }
}
