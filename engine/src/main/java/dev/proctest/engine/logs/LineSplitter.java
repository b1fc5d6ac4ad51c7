package dev.proctest.engine.logs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Splits a byte stream into UTF-8 lines, ending at {@code \n} with an optional {@code \r} before
 * it, and hands on the lines of each chunk read together: one hand-over for the many lines a busy
 * child writes in one go.
 */
final class LineSplitter {

    private final Consumer<List<String>> onLines;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private final List<String> chunk = new ArrayList<>();

    LineSplitter(Consumer<List<String>> onLines) {
        this.onLines = onLines;
    }

    void accept(byte[] buffer, int length) {
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (buffer[i] == '\n') {
                current.write(buffer, start, i - start);
                take();
                start = i + 1;
            }
        }
        current.write(buffer, start, length - start);
        handOver();
    }

    /** Hands on the last line if the stream did not end with a newline. */
    void finish() {
        if (current.size() > 0) {
            take();
        }
        handOver();
    }

    private void take() {
        byte[] bytes = current.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        current.reset();
        chunk.add(new String(bytes, 0, length, StandardCharsets.UTF_8));
    }

    private void handOver() {
        if (!chunk.isEmpty()) {
            onLines.accept(List.copyOf(chunk));
            chunk.clear();
        }
    }
}
