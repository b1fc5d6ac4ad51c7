package dev.proctest.engine.injection;

import java.io.File;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Injects Jupiter's {@code @TempDir} parameters, of type {@link Path} or {@link File}: a new
 * directory for each, which the scope deletes as its cleanup mode says, after its children have
 * stopped.
 */
final class TempDirResolver implements ParameterResolver {

    @Override
    public Class<?> type() {
        return Path.class;
    }

    @Override
    public boolean supports(Parameter parameter) {
        return parameter.isAnnotationPresent(TempDir.class) && (parameter.getType() == Path.class || parameter.getType() == File.class);
    }

    @Override
    public Object resolve(Parameter parameter, InjectionContext context) {
        Path directory = context.scope().tempDir(parameter.getAnnotation(TempDir.class).cleanup());
        return parameter.getType() == File.class ? directory.toFile() : directory;
    }

    @Override
    public String describe() {
        return "@TempDir Path or File";
    }
}
