package dev.proctest.engine.launch;

import dev.proctest.ChildProcessException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * The agent a child that mocks, spies or runs on child time is started with: Byte Buddy's, which
 * Mockito brings to the test class path. Starting with it gives the child's runtime the
 * instrumentation it rewrites classes with, without attaching to itself (which costs about 300 ms
 * more, and which newer JDKs warn about).
 */
final class ByteBuddyAgent {

    private static final String INSTALLER = "net.bytebuddy.agent.Installer";

    private ByteBuddyAgent() {}

    static String jar() {
        try {
            CodeSource source = Class.forName(INSTALLER).getProtectionDomain().getCodeSource();
            return Path.of(source.getLocation().toURI()).toString();
        } catch (ClassNotFoundException | URISyntaxException | NullPointerException e) {
            throw new ChildProcessException("Cannot mock, spy or change time in a child: Byte Buddy's agent (" + INSTALLER + ", in byte-buddy-agent,"
                    + " which mockito-core depends on) is not on the test class path as a jar: " + e, e);
        }
    }
}
