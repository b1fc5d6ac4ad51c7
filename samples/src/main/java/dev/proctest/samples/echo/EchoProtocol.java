package dev.proctest.samples.echo;

import java.util.Optional;

/** What the echo server answers to a line: the line echoed, or nothing for "bye", which ends the conversation. */
public final class EchoProtocol {

    private EchoProtocol() {}

    public static Optional<String> reply(String line) {
        return "bye".equals(line.strip()) ? Optional.empty() : Optional.of("echo: " + line);
    }
}
