package dev.proctest.engine.params;

import dev.proctest.engine.support.Throwables;
import java.lang.annotation.Annotation;
import java.lang.annotation.Repeatable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.aggregator.AggregateWith;
import org.junit.jupiter.params.aggregator.ArgumentsAccessor;
import org.junit.jupiter.params.converter.ConvertWith;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * Runs Jupiter's arguments providers as Jupiter does: one per distinct {@code @ArgumentsSource}
 * of the method, fed every annotation of the type it consumes (repeated {@code @ValueSource}s go
 * to one provider), asked through {@code provideArguments(ParameterDeclarations, ExtensionContext)},
 * which JUnit 5.13+ and 6 both have. Loaded only when {@code junit-jupiter-params} is there.
 */
final class Providers {

    private Providers() {}

    static boolean declaredOn(Method method) {
        return !AnnotationSupport.findRepeatableAnnotations(method, ArgumentsSource.class).isEmpty();
    }

    static Optional<String> unsupported(Parameter parameter) {
        if (AnnotationSupport.isAnnotated(parameter, ConvertWith.class)) {
            return Optional.of("an explicit argument converter (@ConvertWith, @JavaTimeConversionPattern, ...)");
        }
        if (AnnotationSupport.isAnnotated(parameter, AggregateWith.class) || parameter.getType() == ArgumentsAccessor.class) {
            return Optional.of("an argument aggregator (@AggregateWith, ArgumentsAccessor)");
        }
        return Optional.empty();
    }

    static List<ArgumentSet> argumentSets(Class<?> testClass, Method method, ConfigurationParameters configuration) {
        ExtensionContext context = ProviderContext.of(testClass, method, configuration);
        MethodDeclarations declarations = new MethodDeclarations(method);
        List<ArgumentSet> sets = new ArrayList<>();
        for (ArgumentsSource source : AnnotationSupport.findRepeatableAnnotations(method, ArgumentsSource.class)) {
            ArgumentsProvider provider = ReflectionSupport.newInstance(source.value());
            if (provider instanceof AnnotationConsumer<?> consumer) {
                feed(consumer, consumedType(provider.getClass()), method);
            }
            try (Stream<? extends Arguments> arguments = provider.provideArguments(declarations, context)) {
                arguments.forEach(each -> sets.add(new ArgumentSet(
                        each instanceof Arguments.ArgumentSet named ? Optional.of(named.getName()) : Optional.empty(), each.get())));
            } catch (Exception e) {
                throw Throwables.rethrow(e);
            }
        }
        return sets;
    }

    @SuppressWarnings("unchecked")
    private static void feed(AnnotationConsumer<?> consumer, Class<? extends Annotation> type, Method method) {
        List<? extends Annotation> annotations = type.isAnnotationPresent(Repeatable.class)
                ? AnnotationSupport.findRepeatableAnnotations(method, type)
                : AnnotationSupport.findAnnotation(method, type).stream().toList();
        annotations.forEach(((AnnotationConsumer<Annotation>) consumer)::accept);
    }

    /** The annotation type a provider consumes: the annotation among the type arguments of its supertypes. */
    private static Class<? extends Annotation> consumedType(Class<?> provider) {
        for (Class<?> at = provider; at != null && at != Object.class; at = at.getSuperclass()) {
            List<Type> supertypes = new ArrayList<>(List.of(at.getGenericInterfaces()));
            supertypes.add(at.getGenericSuperclass());
            for (Type supertype : supertypes) {
                if (supertype instanceof ParameterizedType parameterized) {
                    for (Type argument : parameterized.getActualTypeArguments()) {
                        if (argument instanceof Class<?> type && type.isAnnotation()) {
                            return type.asSubclass(Annotation.class);
                        }
                    }
                }
            }
        }
        throw new JUnitException("proctest cannot tell which annotation the arguments provider " + provider.getName() + " consumes");
    }
}
