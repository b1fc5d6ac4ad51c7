package dev.proctest.engine.launch;

import dev.proctest.engine.support.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@code java @argfile}: the options of a child JVM in a file rather than on the command line,
 * which the operating system limits in length and which every user of the machine can read. The
 * file stays beside the child's log, so the child can be started again by hand.
 */
final class ArgFile {

    private ArgFile() {}

    /** Writes one quoted argument per line to {@code file}; returns the {@code @file} argument. */
    static String write(Path file, List<String> arguments) {
        StringBuilder text = new StringBuilder();
        for (String argument : arguments) {
            text.append(quote(argument)).append(System.lineSeparator());
        }
        try {
            Files.writeString(PrivateFiles.prepare(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the argument file " + file, e);
        }
        return "@" + file;
    }

    /** Quotes as the java launcher reads argument files: inside quotes, a backslash escapes. */
    static String quote(String argument) {
        return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
