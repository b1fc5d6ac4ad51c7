package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * proctest's runtime inside a child and the libraries it stands on: never mocked or spied on, kept
 * on real time, and left out of the children's coverage. One list, so that the three agree.
 */
@API(status = INTERNAL, since = "0.1")
public final class RuntimePackages {

    /** The packages, each with its subpackages. */
    public static final List<String> NAMES = List.of("dev.proctest.child", "dev.proctest.wire", "org.zeromq", "zmq", "org.mockito",
            "net.bytebuddy", "org.objenesis", "org.jacoco", "org.junit", "org.opentest4j", "org.apiguardian");

    /** The JDK's own packages, which proctest never rewrites. */
    public static final List<String> JDK = List.of("java", "javax", "jdk", "sun", "com.sun");

    private RuntimePackages() {}

    /** Whether the class of this binary name belongs to proctest's runtime or a library it stands on. */
    public static boolean isRuntime(String className) {
        return inAny(NAMES, className);
    }

    /** Whether the class of this binary name is the JDK's. */
    public static boolean isJdk(String className) {
        return inAny(JDK, className);
    }

    private static boolean inAny(List<String> packages, String className) {
        for (String name : packages) {
            if (className.startsWith(name) && className.length() > name.length() && className.charAt(name.length()) == '.') {
                return true;
            }
        }
        return false;
    }
}
