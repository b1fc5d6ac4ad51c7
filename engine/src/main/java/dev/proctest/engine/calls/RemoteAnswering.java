package dev.proctest.engine.calls;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.RemoteAnswer;
import dev.proctest.wire.CallCodec;
import dev.proctest.wire.Reply;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apiguardian.api.API;

/**
 * Computes the answers a child asks for: runs the test's {@link RemoteAnswer} for the call on a
 * thread of its own, one call at a time, and sends back its value, what it threw, or why neither
 * can be sent.
 */
@API(status = INTERNAL, since = "0.1")
public final class RemoteAnswering implements AutoCloseable {

    /** Sends the answer to question {@code number}. */
    public interface Answerer {
        void send(long number, Reply reply);
    }

    private final String child;
    private final Map<String, RemoteAnswer> answers;
    private final Answerer reply;
    private final ExecutorService executor;

    /** @param answers the answers by {@code <type>.<method>} */
    public RemoteAnswering(String child, Map<String, RemoteAnswer> answers, Answerer reply) {
        this.child = child;
        this.answers = answers;
        this.reply = reply;
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "proctest-answers-" + child);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Takes question {@code number} about {@code call}; answers it on the answering thread. */
    public void asked(long number, byte[] call) {
        executor.execute(() -> answer(number, new ReceivedCall(child, CallCodec.decode(call))));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private void answer(long number, ReceivedCall call) {
        String what = call.type() + "." + call.method();
        RemoteAnswer answer = answers.get(what);
        if (answer == null) {
            reply.send(number, Reply.failed("the test has no answer for " + what));
            return;
        }
        Object value;
        try {
            value = answer.answer(call);
        } catch (Throwable thrown) {
            reply.send(number, Reply.thrown(thrown));
            return;
        }
        String mismatch = mismatch(call.descriptor(), value);
        if (mismatch != null) {
            reply.send(number, Reply.failed("returned " + (value == null ? "null" : value + " (" + value.getClass().getName() + ")")
                    + ", but " + what + " returns " + mismatch));
            return;
        }
        reply.send(number, Reply.value(value));
    }

    /** Returns the return type {@code value} does not fit, for a message, or null when it fits; the class itself is the child's to check. */
    private static String mismatch(String descriptor, Object value) {
        String returned = descriptor.substring(descriptor.indexOf(')') + 1);
        return switch (returned) {
            case "V" -> value == null ? null : "void";
            case "Z" -> value instanceof Boolean ? null : "boolean";
            case "B" -> value instanceof Byte ? null : "byte";
            case "S" -> value instanceof Short ? null : "short";
            case "C" -> value instanceof Character ? null : "char";
            case "I" -> value instanceof Integer ? null : "int";
            case "J" -> value instanceof Long ? null : "long";
            case "F" -> value instanceof Float ? null : "float";
            case "D" -> value instanceof Double ? null : "double";
            default -> value == null || nameOf(returned).equals("java.lang.Object") || fits(value, nameOf(returned)) ? null : nameOf(returned);
        };
    }

    private static String nameOf(String descriptor) {
        return descriptor.startsWith("L") ? descriptor.substring(1, descriptor.length() - 1).replace('/', '.') : descriptor;
    }

    /** Whether {@code value} is an instance of the named type, as the test JVM loads it. */
    private static boolean fits(Object value, String typeName) {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return Class.forName(typeName, false, loader != null ? loader : RemoteAnswering.class.getClassLoader()).isInstance(value);
        } catch (ClassNotFoundException e) {
            return true; // the child will tell
        }
    }
}
