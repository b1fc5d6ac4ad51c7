package dev.proctest.engine.children;

import dev.proctest.child.ProcTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;

/** Appends "{name} stopped" to the file given as its argument when it is stopped, making its directory if there is none. */
public final class StopRecorder {

    private StopRecorder() {}

    public static void main(String[] args) throws InterruptedException {
        Path record = Path.of(args[0]);
        String name = args[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.createDirectories(record.getParent());
                Files.writeString(record, name + " stopped\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        ProcTest.ready();
        new CountDownLatch(1).await();
    }
}
