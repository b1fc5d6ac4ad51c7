package dev.proctest.engine.children;

/** Would start another process listening on the port it is given; a test mocks it. */
public class BProc {

    private final int port;

    public BProc(int port) {
        this.port = port;
        System.out.println("B created for port " + port);
    }

    public void start() {
        throw new IllegalStateException("B would start a process on port " + port + " here");
    }
}
