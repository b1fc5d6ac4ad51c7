package dev.proctest.engine.children;

/** Prints a greeting for each argument and exits. */
public final class Greeter {

    private Greeter() {}

    public static void main(String[] args) {
        for (String name : args) {
            System.out.println("hello " + name);
        }
        System.err.println("greeted " + args.length);
    }
}
