package dev.proctest.engine.params;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * Jupiter's default display name of a parameterized invocation, {@code [{index}]
 * {argumentSetNameOrArgumentsWithNames}}: {@code [1] nodes=3} with parameter names (compiled with
 * {@code -parameters}), {@code [1] 3} without, the set's name for a named set. Text is quoted
 * ({@code [1] "tcp"}) where the running Jupiter quotes it, as JUnit 6 does; long values are cut at
 * {@code junit.jupiter.params.displayname.argument.maxlength} (512).
 */
final class InvocationNames {

    private static final String MAX_LENGTH = "junit.jupiter.params.displayname.argument.maxlength";
    private static final boolean QUOTES = Arrays.stream(ParameterizedTest.class.getMethods())
            .anyMatch(method -> method.getName().equals("quoteTextArguments"));

    private InvocationNames() {}

    static String of(int index, ArgumentSet set, Method method, ConfigurationParameters configuration) {
        int maxLength = configuration.get(MAX_LENGTH, Integer::parseInt).orElse(512);
        return "[" + index + "] " + set.name().orElseGet(() -> argumentsWithNames(set.arguments(), method, maxLength));
    }

    private static String argumentsWithNames(Object[] arguments, Method method, int maxLength) {
        Parameter[] parameters = method.getParameters();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(arguments.length, parameters.length); i++) {
            String value = format(arguments[i], maxLength);
            shown.add(parameters[i].isNamePresent() ? parameters[i].getName() + "=" + value : value);
        }
        return String.join(", ", shown);
    }

    private static String format(Object argument, int maxLength) {
        if (argument instanceof Named<?> named) {
            return named.getName();
        }
        if (argument instanceof Character character && QUOTES) {
            return "'" + escape(character, false) + "'";
        }
        String text = truncate(toString(argument), maxLength);
        return argument instanceof CharSequence && QUOTES ? quote(text) : text;
    }

    private static String toString(Object argument) {
        if (argument == null) {
            return "null";
        }
        if (argument.getClass().isArray()) {
            List<String> elements = new ArrayList<>();
            for (int i = 0; i < Array.getLength(argument); i++) {
                elements.add(toString(Array.get(argument, i)));
            }
            return "[" + String.join(", ", elements) + "]";
        }
        return String.valueOf(argument);
    }

    private static String truncate(String text, int maxLength) {
        return text.length() <= maxLength ? text : text.substring(0, Math.max(0, maxLength - 1)) + "\u2026";
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        text.chars().forEach(c -> quoted.append(escape((char) c, true)));
        return quoted.append('"').toString();
    }

    private static String escape(char c, boolean inString) {
        return switch (c) {
            case '"' -> inString ? "\\\"" : "\"";
            case '\'' -> inString ? "'" : "\\'";
            case '\\' -> "\\\\";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            case '\n' -> "\\n";
            default -> String.valueOf(c);
        };
    }
}
