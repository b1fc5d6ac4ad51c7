package dev.proctest.samples.pingpong;

import java.util.List;

/** The application logic: a pong for each ping. Knows nothing of ZeroMQ. */
public class PingHandler {

    /** Creates the pong for ping number {@code numPings}. */
    public List<Object> makePong(int numPings) {
        System.out.println("Pong got request: ping " + numPings);
        return List.of("pong", numPings);
    }
}
