package dev.proctest.samples.subprocess;

import java.io.IOException;

/** Starts process B, which connects to A on the port it is given. */
public class BProcess {

    private final int port;

    public BProcess(int port) {
        this.port = port;
    }

    /** Starts B as a process of its own: in a test, the part we replace. */
    public void start() {
        try {
            new ProcessBuilder("b-process", "--connect", "tcp://127.0.0.1:" + port).inheritIO().start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start B for port " + port, e);
        }
    }
}
