package dev.proctest.engine.sockets;

import java.util.ArrayList;
import java.util.List;

/** Where a test socket is bound and connected, as its messages describe it. Used under its socket's lock. */
final class SocketAddresses {

    private final String socket;
    private final List<String> bound = new ArrayList<>();
    private final List<String> connected = new ArrayList<>();

    /** @param socket the socket's name: {@code REQ#1} */
    SocketAddresses(String socket) {
        this.socket = socket;
    }

    void bound(String address) {
        bound.add(address);
    }

    void connected(String address) {
        connected.add(address);
    }

    /** Whether the socket is bound or connected anywhere. */
    boolean isAttached() {
        return !bound.isEmpty() || !connected.isEmpty();
    }

    /** {@code REQ#1 (connected to tcp://127.0.0.1:5555)}. */
    String describe() {
        List<String> where = new ArrayList<>();
        if (!bound.isEmpty()) {
            where.add("bound to " + String.join(", ", bound));
        }
        if (!connected.isEmpty()) {
            where.add("connected to " + String.join(", ", connected));
        }
        return socket + " (" + (where.isEmpty() ? "neither bound nor connected" : String.join("; ", where)) + ")";
    }

    /** {@code REQ#1 (connected to tcp://127.0.0.1:5555; no peer has connected)}, for a socket that waited in vain. */
    String describe(PeerWatch peers) {
        String described = describe();
        return isAttached() ? described.substring(0, described.length() - 1) + "; " + peers.describe() + ")" : described;
    }
}
