package dev.proctest.engine.injection;

import static java.util.stream.Collectors.joining;
import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.commons.JUnitException;

/**
 * The one registry of everything the engine can inject into test methods, lifecycle methods and
 * test class constructors.
 */
@API(status = INTERNAL, since = "0.1")
public final class ParameterResolvers {

    private static final ParameterResolvers STANDARD =
            new ParameterResolvers(List.of(new ProcessesResolver(), new LogsResolver(), new CallRecorderResolver(),
                    new ProcessTestInfoResolver(), new TestReporterResolver(), new ImplementationResolver(),
                    new RepetitionInfoResolver(), new TempDirResolver()));

    private final List<ParameterResolver> resolvers;

    private ParameterResolvers(List<ParameterResolver> resolvers) {
        this.resolvers = List.copyOf(resolvers);
    }

    /** Returns the registry with every resolver proctest ships. */
    public static ParameterResolvers standard() {
        return STANDARD;
    }

    /** Returns the parameters of {@code executable} that no resolver supplies. */
    public List<Parameter> unsupportedParameters(Executable executable) {
        Parameter[] parameters = executable.getParameters();
        return Arrays.stream(parameters, firstInjected(executable), parameters.length).filter(p -> find(p).isEmpty()).toList();
    }

    /** Describes what can be injected, for messages: "ProcessTestInfo, TestReporter". */
    public String describeSupported() {
        return resolvers.stream().map(ParameterResolver::describe).collect(joining(", "));
    }

    /**
     * Returns the arguments for every parameter of {@code executable}; for the constructor of an
     * inner class, the first, the enclosing instance, is left null for the caller to fill in.
     *
     * @throws JUnitException naming the parameter when none of the resolvers supplies it
     */
    public Object[] resolveArguments(Executable executable, InjectionContext context) {
        return resolveArguments(executable, context, new Object[0]);
    }

    /**
     * Returns the arguments for every parameter of {@code executable}: {@code indexed} for the
     * first ones, as Jupiter fills a parameterized test's (arguments first, then resolved
     * parameters); an argument beyond the parameters is ignored.
     *
     * @throws JUnitException naming the parameter when none of the resolvers supplies it
     */
    public Object[] resolveArguments(Executable executable, InjectionContext context, Object[] indexed) {
        Parameter[] parameters = executable.getParameters();
        Object[] arguments = new Object[parameters.length];
        int given = Math.min(indexed.length, parameters.length);
        System.arraycopy(indexed, 0, arguments, 0, given);
        for (int i = Math.max(given, firstInjected(executable)); i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            ParameterResolver resolver = find(parameter).orElseThrow(() -> unsupported(parameter, executable));
            arguments[i] = resolver.resolve(parameter, context);
        }
        return arguments;
    }

    /** Whether {@code executable} is the constructor of an inner class, whose first parameter is the enclosing instance. */
    public static boolean takesEnclosingInstance(Executable executable) {
        Class<?> declaring = executable.getDeclaringClass();
        return executable instanceof Constructor<?> && declaring.isMemberClass() && !Modifier.isStatic(declaring.getModifiers());
    }

    private static int firstInjected(Executable executable) {
        return takesEnclosingInstance(executable) ? 1 : 0;
    }

    private Optional<ParameterResolver> find(Parameter parameter) {
        return resolvers.stream().filter(r -> r.supports(parameter)).findFirst();
    }

    private JUnitException unsupported(Parameter parameter, Executable executable) {
        return new JUnitException(String.format(
                "Cannot inject parameter [%s] of %s: proctest injects %s.",
                parameter, executable.toGenericString(), describeSupported()));
    }
}
