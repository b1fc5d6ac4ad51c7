package dev.proctest.engine.logs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Splits a byte stream into UTF-8 lines, ending at {@code \n} with an optional {@code \r} before it. */
final class LineSplitter {

    private final Consumer<String> onLine;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();

    LineSplitter(Consumer<String> onLine) {
        this.onLine = onLine;
    }

    void accept(byte[] buffer, int length) {
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (buffer[i] == '\n') {
                current.write(buffer, start, i - start);
                emit();
                start = i + 1;
            }
        }
        current.write(buffer, start, length - start);
    }

    /** Emits the last line if the stream did not end with a newline. */
    void finish() {
        if (current.size() > 0) {
            emit();
        }
    }

    private void emit() {
        byte[] bytes = current.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        current.reset();
        onLine.accept(new String(bytes, 0, length, StandardCharsets.UTF_8));
    }
}
