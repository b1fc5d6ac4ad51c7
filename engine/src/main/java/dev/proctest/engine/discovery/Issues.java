package dev.proctest.engine.discovery;

import dev.proctest.engine.injection.ParameterResolvers;
import dev.proctest.engine.params.ArgumentSources;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

/**
 * Reports bad declarations, each with what to change. A declaration that would keep a test from
 * running as written is an {@code ERROR}: the launcher then fails the proctest engine and lists
 * every such problem, so none goes unnoticed. One that still runs, differently, is a {@code WARNING}.
 */
final class Issues {

    private final DiscoveryIssueReporter reporter;

    Issues(DiscoveryIssueReporter reporter) {
        this.reporter = reporter;
    }

    /** Reports an error; returns false, so that validators can write {@code valid &= error(...)}. */
    boolean error(TestSource source, String format, Object... arguments) {
        report(Severity.ERROR, source, format, arguments);
        return false;
    }

    void warning(TestSource source, String format, Object... arguments) {
        report(Severity.WARNING, source, format, arguments);
    }

    /** Reports something that works as written but does nothing, as Jupiter reports it. */
    void info(TestSource source, String format, Object... arguments) {
        report(Severity.INFO, source, format, arguments);
    }

    /** Reports every parameter of {@code executable} that nothing injects; {@code what} names it. */
    boolean injectable(Executable executable, String what, TestSource source) {
        ParameterResolvers resolvers = ParameterResolvers.standard();
        boolean valid = true;
        for (Parameter parameter : resolvers.unsupportedParameters(executable)) {
            valid &= error(source, "Parameter [%s] of %s cannot be injected: proctest injects %s. "
                    + "Remove the parameter or change its type.", parameter, what, resolvers.describeSupported());
        }
        return valid;
    }

    /**
     * Reports the parameters of a parameterized test that neither an argument nor proctest can
     * fill. As in Jupiter, the arguments fill the first parameters and the others are injected: a
     * parameter that nothing injects must come before every injected one.
     */
    boolean argumentsThenInjected(Method method, String what, TestSource source) {
        ParameterResolvers resolvers = ParameterResolvers.standard();
        List<Parameter> notInjected = resolvers.unsupportedParameters(method);
        Parameter firstInjected = null;
        boolean valid = true;
        for (Parameter parameter : method.getParameters()) {
            Optional<String> unsupported = ArgumentSources.unsupported(parameter);
            if (unsupported.isPresent()) {
                valid &= error(source, "Parameter [%s] of %s asks for %s, which proctest does not apply to arguments: declare the"
                        + " parameter with a type the argument converts to implicitly, or convert it in the test.", parameter, what,
                        unsupported.get());
            } else if (!notInjected.contains(parameter)) {
                firstInjected = firstInjected == null ? parameter : firstInjected;
            } else if (firstInjected != null) {
                valid &= error(source, "Parameter [%s] of %s comes after the injected parameter [%s], so no argument fills it and"
                        + " proctest cannot inject it: as in Jupiter, declare the parameters the arguments fill first, then the"
                        + " injected ones (%s).", parameter, what, firstInjected, resolvers.describeSupported());
            }
        }
        return valid;
    }

    /** Reports a {@code @Timeout} on {@code element} that is not a positive duration. */
    boolean positiveTimeout(AnnotatedElement element, String what, TestSource source) {
        return AnnotationSupport.findAnnotation(element, Timeout.class)
                .filter(timeout -> timeout.value() <= 0)
                .map(timeout -> error(source, "@Timeout(%d) on %s must be a positive duration.", timeout.value(), what))
                .orElse(true);
    }

    private void report(Severity severity, TestSource source, String format, Object... arguments) {
        reporter.reportIssue(DiscoveryIssue.builder(severity, String.format(format, arguments)).source(source));
    }
}
