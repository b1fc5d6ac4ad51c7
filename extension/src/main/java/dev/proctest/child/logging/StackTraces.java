package dev.proctest.child.logging;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Stack traces as {@link Throwable#printStackTrace()} prints them, causes included. */
final class StackTraces {

    private StackTraces() {}

    static String of(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text, true));
        return text.toString();
    }
}
