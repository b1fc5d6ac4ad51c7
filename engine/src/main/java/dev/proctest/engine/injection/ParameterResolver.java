package dev.proctest.engine.injection;

import java.lang.reflect.Parameter;

/**
 * Supplies the value of one type of parameter of test methods, lifecycle methods and constructors.
 * A resolver answers for parameters declared with exactly its type unless it says otherwise.
 */
interface ParameterResolver {

    /** Returns the type this resolver supplies. */
    Class<?> type();

    /** Returns the value of a parameter this resolver {@linkplain #supports supports}. */
    Object resolve(Parameter parameter, InjectionContext context);

    /** Returns whether this resolver supplies the parameter; decided from the declaration alone. */
    default boolean supports(Parameter parameter) {
        return parameter.getType() == type();
    }

    /** Names what this resolver supplies, for messages. */
    default String describe() {
        return type().getSimpleName();
    }
}
