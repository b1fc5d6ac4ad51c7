package dev.proctest.samples.pingpong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctest.UnitTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.mockito.ArgumentCaptor;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/** The article's unit tests: each class alone, its collaborators mocked. */
class PingPongUnitTests {

    /** A process whose streams the tests look at. */
    static final class Streams extends ZmqProcess {
        Stream open(SocketType type, String address, boolean bind) {
            if (context == null) {
                setup();
            }
            return stream(type, address, bind, null);
        }

        void close() {
            context.close();
        }
    }

    @UnitTest
    void stream_factory_binds_to_the_port_given_or_a_random_one_and_connects() {
        Streams process = new Streams();
        try {
            ZmqProcess.Stream random = process.open(SocketType.REP, "127.0.0.1", true);
            ZmqProcess.Stream connected = process.open(SocketType.REQ, "127.0.0.1:" + random.port(), false);
            assertEquals(random.port(), connected.port());
            ZMQ.Socket socket = connected.socket();
            assertEquals(SocketType.REQ, socket.getSocketType());
            assertThrows(IllegalArgumentException.class, () -> process.open(SocketType.REQ, "127.0.0.1", false));
            assertThrows(IllegalArgumentException.class, () -> process.open(SocketType.REQ, "a:1:2", true));
        } finally {
            process.close();
        }
    }

    /** A handler that remembers what it was called with. */
    static final class Recorder extends MessageHandler {
        final List<String> calls = new ArrayList<>();

        public void ping(JsonNode data) {
            calls.add("ping " + data);
        }

        public void _secret(JsonNode data) {
            calls.add("secret");
        }
    }

    @UnitTest
    void handler_dispatches_by_message_type_and_refuses_private_unknown_and_malformed_messages() {
        Recorder handler = new Recorder();
        handler.accept(List.of(bytes("[\"ping\", 3]")));
        assertEquals(List.of("ping 3"), handler.calls);

        assertEquals("_secret starts with an \"_\"",
                assertThrows(IllegalArgumentException.class, () -> handler.accept(List.of(bytes("[\"_secret\", 0]")))).getMessage());
        assertEquals("unknown message type: pang",
                assertThrows(IllegalArgumentException.class, () -> handler.accept(List.of(bytes("[\"pang\", 0]")))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> handler.accept(List.of(bytes("not json"))));
        assertThrows(IllegalArgumentException.class, () -> handler.accept(List.of(bytes("{\"ping\": 1}"))));
        assertEquals(List.of("ping 3"), handler.calls);
    }

    @UnitTest
    void ping_handler_makes_a_pong_with_the_ping_number() {
        List<String> printed = Printed.by(() -> assertEquals(List.of("pong", 7), new PingHandler().makePong(7)));
        assertEquals(List.of("Pong got request: ping 7"), printed);
    }

    @UnitTest
    @SuppressWarnings("unchecked")
    void rep_stream_handler_answers_pings_with_the_ping_handlers_pong_and_stops_on_plzdiekthxbye() {
        Consumer<byte[]> reply = mock(Consumer.class);
        Runnable stop = mock(Runnable.class);
        PingHandler pingHandler = mock(PingHandler.class);
        when(pingHandler.makePong(1)).thenReturn(List.of("pong", 1));
        RepStreamHandler handler = new RepStreamHandler(reply, stop, pingHandler);

        handler.accept(List.of(bytes("[\"ping\", 1]")));
        verify(reply).accept(bytes("[\"pong\",1]"));
        verify(stop, never()).run();

        handler.accept(List.of(bytes("[\"plzdiekthxbye\", null]")));
        verify(stop).run();
        verify(reply).accept(bytes("[\"bye\",0]"));
        verify(pingHandler).makePong(1);
    }

    @UnitTest
    @SuppressWarnings("unchecked")
    void pong_proc_setup_binds_a_rep_stream_at_its_address_with_a_rep_stream_handler() {
        PongProc pong = spy(new PongProc("127.0.0.1:5678"));
        doReturn(new ZmqProcess.Stream(mock(ZMQ.Socket.class), 5678)).when(pong).stream(any(), any(), anyBoolean(), any());

        List<String> printed = Printed.by(() -> {
            pong.setup();
            try {
                ArgumentCaptor<Consumer<List<byte[]>>> callback = ArgumentCaptor.forClass(Consumer.class);
                verify(pong).stream(eq(SocketType.REP), eq("127.0.0.1:5678"), eq(true), callback.capture());
                callback.getValue().accept(List.of(bytes("no JSON")));  // a malformed message is answered, not thrown
            } finally {
                pong.context.close();
            }
        });
        assertEquals("Pong is listening", printed.get(0));
        assertTrue(printed.get(1).startsWith("Pong refused a message: not a JSON message: "), printed.get(1));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
