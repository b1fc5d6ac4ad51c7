package dev.proctest.engine.calls;

import dev.proctest.LoggedThrowable;
import dev.proctest.RecordedCall;
import dev.proctest.internal.Api;
import dev.proctest.wire.CallCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A call a child sent; its arguments and result are read when first asked for. */
final class ReceivedCall implements RecordedCall {

    private final String child;
    private final CallCodec.Call call;
    private List<Object> arguments;

    ReceivedCall(String child, CallCodec.Call call) {
        this.child = child;
        this.call = call;
    }

    @Override
    public String child() {
        return child;
    }

    @Override
    public String type() {
        return call.type();
    }

    @Override
    public String method() {
        return call.method();
    }

    @Override
    public boolean isConstruction() {
        return call.kind() == CallCodec.Kind.CONSTRUCTION;
    }

    /** Whether the call was of a static method. */
    boolean isStatic() {
        return call.kind() == CallCodec.Kind.STATIC;
    }

    /** The method's JVM descriptor: {@code (ILjava/lang/String;)V}. */
    String descriptor() {
        return call.descriptor();
    }

    @Override
    public String instance() {
        return call.instance();
    }

    @Override
    public synchronized List<Object> arguments() {
        if (arguments == null) {
            List<Object> values = new ArrayList<>(call.arguments().size());
            call.arguments().forEach(value -> values.add(read(value)));
            arguments = Collections.unmodifiableList(values);
        }
        return arguments;
    }

    @Override
    public <T> T argument(int index, Class<T> type) {
        if (index < 0 || index >= call.arguments().size()) {
            throw new IllegalArgumentException(describe() + " has " + call.arguments().size() + " arguments; there is no argument " + index);
        }
        CallCodec.Value value = call.arguments().get(index);
        if (value.tag() == CallCodec.Value.UNSERIALIZABLE) {
            throw new IllegalArgumentException("Argument " + index + " of " + describe() + " is a " + value.className()
                    + ", which does not serialize, so only its toString() came over: " + value.text());
        }
        Object argument = arguments().get(index);
        if (argument != null && !box(type).isInstance(argument)) {
            throw new IllegalArgumentException("Argument " + index + " of " + describe() + " is a " + argument.getClass().getName()
                    + " (" + argument + "), not a " + type.getName());
        }
        @SuppressWarnings("unchecked")
        T typed = (T) argument;
        return typed;
    }

    /** Whether argument {@code index} came over only as text. */
    boolean isUnserializable(int index) {
        return call.arguments().get(index).tag() == CallCodec.Value.UNSERIALIZABLE;
    }

    @Override
    public Optional<Object> result() {
        return call.outcome() == CallCodec.Outcome.VALUE ? Optional.ofNullable(read(call.result())) : Optional.empty();
    }

    @Override
    public Optional<LoggedThrowable> thrown() {
        return call.outcome() == CallCodec.Outcome.THROWN
                ? Optional.of(Api.loggedThrowable(call.thrownType(), call.thrownMessage(), call.thrownStackTrace()))
                : Optional.empty();
    }

    @Override
    public String thread() {
        return call.thread();
    }

    @Override
    public Instant time() {
        return Instant.ofEpochSecond(call.epochSecond(), call.nano());
    }

    @Override
    public long sequence() {
        return call.sequence();
    }

    /** {@code Relay.switchOn(true) in child 'heating' [control-loop]}. */
    String describe() {
        String simpleType = call.type().substring(call.type().lastIndexOf('.') + 1);
        String name = isConstruction() ? "new " + simpleType : simpleType + "." + call.method();
        List<String> shown = new ArrayList<>();
        for (CallCodec.Value value : call.arguments()) {
            shown.add(value.tag() == CallCodec.Value.UNSERIALIZABLE ? value.text() : String.valueOf(read(value)));
        }
        return name + "(" + String.join(", ", shown) + ") in child '" + child + "' [" + call.thread() + "]";
    }

    @Override
    public String toString() {
        return describe();
    }

    private static Object read(CallCodec.Value value) {
        return switch (value.tag()) {
            case CallCodec.Value.NULL -> null;
            case CallCodec.Value.STRING -> new String(value.bytes(), StandardCharsets.UTF_8);
            case CallCodec.Value.INTEGER -> ByteBuffer.wrap(value.bytes()).getInt();
            case CallCodec.Value.LONG -> ByteBuffer.wrap(value.bytes()).getLong();
            case CallCodec.Value.DOUBLE -> ByteBuffer.wrap(value.bytes()).getDouble();
            case CallCodec.Value.BOOLEAN -> value.bytes()[0] != 0;
            case CallCodec.Value.UNSERIALIZABLE -> value.text();
            default -> deserialize(value.bytes());
        };
    }

    private static Object deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                try {
                    return loader == null ? super.resolveClass(description) : Class.forName(description.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(description);
                }
            }
        }) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            return "(a value the test JVM cannot read: " + e + ")";
        }
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return type == int.class ? Integer.class : type == long.class ? Long.class : type == boolean.class ? Boolean.class
                : type == double.class ? Double.class : type == float.class ? Float.class : type == short.class ? Short.class
                : type == byte.class ? Byte.class : Character.class;
    }
}
