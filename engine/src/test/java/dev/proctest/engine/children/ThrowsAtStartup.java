package dev.proctest.engine.children;

/** Fails as a program does whose configuration is missing. */
public final class ThrowsAtStartup {

    private ThrowsAtStartup() {}

    public static void main(String[] args) {
        throw new IllegalStateException("no configuration file at /etc/pong.conf");
    }
}
