package dev.proctest.engine.injection;

import java.lang.reflect.Parameter;

/** Supplies the value of one kind of parameter of test methods, lifecycle methods and constructors. */
interface ParameterResolver {

    /** Returns whether this resolver supplies the parameter; decided from the declaration alone. */
    boolean supports(Parameter parameter);

    /** Returns the value of a parameter this resolver {@linkplain #supports supports}. */
    Object resolve(Parameter parameter, InjectionContext context);

    /** Returns the simple name of the type this resolver supplies, for error messages. */
    String describe();
}
