package dev.proctest.engine.children;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** {@link PongServer} on {@code args[0]} that first appends its pid to the file {@code args[1]}: its starts, counted. */
public final class CountingPong {

    private CountingPong() {}

    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[1]), ProcessHandle.current().pid() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("serving on " + args[0]);
        PongServer.main(new String[] {args[0]});
    }
}
