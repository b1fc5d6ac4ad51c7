package dev.proctest.engine.params;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.params.support.ParameterDeclaration;
import org.junit.jupiter.params.support.ParameterDeclarations;

/** The parameters of a test method, as Jupiter's providers ask for them ({@code @EnumSource} takes its enum from the first). */
record MethodDeclarations(Method method) implements ParameterDeclarations {

    @Override
    public List<ParameterDeclaration> getAll() {
        Parameter[] parameters = method.getParameters();
        return IntStream.range(0, parameters.length).<ParameterDeclaration>mapToObj(i -> new Declaration(parameters[i], i)).toList();
    }

    @Override
    public Optional<ParameterDeclaration> getFirst() {
        return get(0);
    }

    @Override
    public Optional<ParameterDeclaration> get(int index) {
        List<ParameterDeclaration> all = getAll();
        return index >= 0 && index < all.size() ? Optional.of(all.get(index)) : Optional.empty();
    }

    @Override
    public AnnotatedElement getSourceElement() {
        return method;
    }

    @Override
    public String getSourceElementDescription() {
        return "method [" + method.toGenericString() + "]";
    }

    private record Declaration(Parameter parameter, int index) implements ParameterDeclaration {

        @Override
        public AnnotatedElement getAnnotatedElement() {
            return parameter;
        }

        @Override
        public Class<?> getParameterType() {
            return parameter.getType();
        }

        @Override
        public int getParameterIndex() {
            return index;
        }

        @Override
        public Optional<String> getParameterName() {
            return parameter.isNamePresent() ? Optional.of(parameter.getName()) : Optional.empty();
        }
    }
}
