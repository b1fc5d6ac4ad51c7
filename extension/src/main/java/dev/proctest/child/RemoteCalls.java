package dev.proctest.child;

import dev.proctest.RemoteCallable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the lambdas the test sends with {@code child.run(...)}, each on a thread of its own so that
 * a slow one holds up neither the channel nor the others, and answers with what it returned or
 * threw.
 */
final class RemoteCalls {

    /** How a call ended, as the first frame of the answer says it. */
    static final String VALUE = "value";
    static final String THROWN = "thrown";
    static final String FAILED = "failed";

    /** Sends the answer to call {@code id}: its outcome and payload. */
    interface Answer {
        void send(byte[] id, String outcome, byte[] payload);
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "proctest-run-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final Answer answer;

    RemoteCalls(Answer answer) {
        this.answer = answer;
    }

    /** Runs the serialized callable {@code call} and answers call {@code id}; returns at once. */
    void run(byte[] id, byte[] call) {
        executor.execute(() -> {
            Object value;
            try {
                RemoteCallable<?> callable = (RemoteCallable<?>) read(call);
                value = callable.call();
            } catch (Throwable thrown) {
                answer(id, THROWN, thrown);
                return;
            }
            answer(id, VALUE, value);
        });
    }

    private void answer(byte[] id, String outcome, Object payload) {
        byte[] bytes;
        try {
            bytes = write(payload);
        } catch (IOException | RuntimeException e) {
            String what = outcome.equals(VALUE) ? "returned " + payload.getClass().getName() : "threw " + describe((Throwable) payload);
            answer.send(id, FAILED, (what + ", which does not serialize: " + e).getBytes(StandardCharsets.UTF_8));
            return;
        }
        answer.send(id, outcome, bytes);
    }

    private static String describe(Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return trace.toString().stripTrailing();
    }

    private static Object read(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    private static byte[] write(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }
}
