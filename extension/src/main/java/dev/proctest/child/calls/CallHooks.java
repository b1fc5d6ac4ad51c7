package dev.proctest.child.calls;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.child.time.ChildTime;
import dev.proctest.wire.CallCodec;
import dev.proctest.wire.CallRule;
import dev.proctest.wire.Serialization;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * What the code woven into mocked and spied types calls: records each call and sends it to the
 * test JVM, and answers a mock's calls. Public because the woven code lives in the application's
 * classes; not for users.
 */
@API(status = INTERNAL, since = "0.1")
public final class CallHooks {

    /** A mock's answer, boxed so that the woven code knows the body is skipped, even for a null answer. */
    public static final class Answer {
        final Object value;

        Answer(Object value) {
            this.value = value;
        }

        public Object value() {
            return value;
        }
    }

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final ThreadLocal<Boolean> RECORDING = ThreadLocal.withInitial(() -> false);
    private static final Map<String, CallRule.Mode> MODES = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, Object>> STUBS = new ConcurrentHashMap<>();
    private static final Map<String, Set<String>> ANSWERED = new ConcurrentHashMap<>();
    private static final Set<String> STATICS_MOCKED = ConcurrentHashMap.newKeySet();
    private static volatile Consumer<byte[]> sink = record -> {};

    private CallHooks() {}

    /** Sets the rules and where records go; called once, before the types are woven. */
    static void configure(List<CallRule> rules, Consumer<byte[]> recordSink) {
        for (CallRule rule : rules) {
            MODES.put(rule.type(), rule.mode());
            Map<String, Object> stubs = new HashMap<>(); // a stub may be null; read only after this
            rule.stubs().forEach((method, value) -> stubs.put(method, deserialize(value, rule.type() + "." + method)));
            STUBS.put(rule.type(), stubs);
            ANSWERED.put(rule.type(), rule.answered());
            if (rule.mocksStatics()) {
                STATICS_MOCKED.add(rule.type());
            }
        }
        sink = recordSink;
    }

    /**
     * On entry to a method of a woven type ({@code self} null for a static one): for a mocked
     * method, the answer, and the body is skipped; else null, and the body runs.
     */
    public static Answer enter(Object self, String type, String method, String descriptor, String returnType, Object[] arguments) {
        boolean mocked = self == null ? STATICS_MOCKED.contains(type) : MODES.get(type) == CallRule.Mode.MOCK;
        if (!mocked || RECORDING.get()) {
            return null;
        }
        if (ANSWERED.getOrDefault(type, Set.of()).contains(method)) {
            return new Answer(RemoteAnswers.ask(self, type, method, descriptor, returnType, arguments));
        }
        Map<String, Object> stubs = STUBS.get(type);
        return new Answer(stubs != null && stubs.containsKey(method) ? stubs.get(method) : Defaults.of(returnType));
    }

    /** On exit from a method of a woven type, however it ended: records the call. */
    public static void exit(Object self, String type, String method, String descriptor, Object[] arguments, String returnType,
            Object result, Throwable thrown) {
        if (RECORDING.get()) {
            return;
        }
        CallCodec.Outcome outcome = thrown != null ? CallCodec.Outcome.THROWN
                : returnType.equals("void") ? CallCodec.Outcome.NOTHING : CallCodec.Outcome.VALUE;
        record(self, type, method, descriptor, self == null ? CallCodec.Kind.STATIC : CallCodec.Kind.METHOD, arguments, outcome, result,
                thrown);
    }

    /** On exit from a constructor of a woven type: records the construction. */
    public static void constructed(Object self, String type, String descriptor, Object[] arguments) {
        if (RECORDING.get()) {
            return;
        }
        record(self, type, "<init>", descriptor, CallCodec.Kind.CONSTRUCTION, arguments, CallCodec.Outcome.NOTHING, null, null);
    }

    /** Whether a constructor of {@code type} skips its body: the type is mocked. */
    public static boolean skipsConstructor(String type) {
        return MODES.get(type) == CallRule.Mode.MOCK;
    }

    private static void record(Object self, String type, String method, String descriptor, CallCodec.Kind kind, Object[] arguments,
            CallCodec.Outcome outcome, Object result, Throwable thrown) {
        RECORDING.set(true);
        try {
            Instant now = ChildTime.instant();
            String instance = self == null ? "" : simpleName(type) + "@" + Integer.toHexString(System.identityHashCode(self));
            sink.accept(CallCodec.encode(SEQUENCE.incrementAndGet(), now.getEpochSecond(), now.getNano(), Thread.currentThread().getName(),
                    type, method, descriptor, instance, kind, arguments, outcome, result, thrown));
        } finally {
            RECORDING.set(false);
        }
    }

    private static String simpleName(String type) {
        return type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
    }

    private static Object deserialize(byte[] value, String what) {
        try {
            return Serialization.read(value);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot read the stub of " + what + " in the child: " + e, e);
        }
    }

    /** The answers of an unstubbed mock method, by return type: Mockito's defaults. */
    static final class Defaults {

        private static final Set<String> LISTS = Set.of("java.util.List", "java.util.Collection", "java.lang.Iterable");

        private Defaults() {}

        static Object of(String returnType) {
            return switch (returnType) {
                case "void" -> null;
                case "boolean" -> false;
                case "byte" -> (byte) 0;
                case "short" -> (short) 0;
                case "char" -> (char) 0;
                case "int" -> 0;
                case "long" -> 0L;
                case "float" -> 0f;
                case "double" -> 0d;
                case "java.util.Set" -> Set.of();
                case "java.util.Map" -> Map.of();
                case "java.util.Optional" -> Optional.empty();
                case "java.util.stream.Stream" -> Stream.empty();
                default -> LISTS.contains(returnType) ? List.of() : null;
            };
        }
    }
}
