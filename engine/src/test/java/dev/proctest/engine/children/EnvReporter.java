package dev.proctest.engine.children;

/** Prints what it was given: arguments, a system property, an environment variable, its directory. */
public final class EnvReporter {

    private EnvReporter() {}

    public static void main(String[] args) {
        System.out.println("args=" + String.join("|", args));
        System.out.println("property=" + System.getProperty("greeting"));
        System.out.println("jvm-property=" + System.getProperty("weird"));
        System.out.println("env=" + System.getenv("PROCTEST_SAMPLE"));
        System.out.println("dir=" + System.getProperty("user.dir"));
        System.out.println("token-in-argv=" + ProcessHandle.current().info().arguments()
                .map(arguments -> String.join(" ", arguments).contains(System.getenv("PROCTEST_TOKEN"))).orElse(false));
    }
}
