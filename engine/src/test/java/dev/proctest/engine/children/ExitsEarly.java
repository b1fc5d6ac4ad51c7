package dev.proctest.engine.children;

/** Says goodbye and exits with code 3 before it is ever ready. */
public final class ExitsEarly {

    private ExitsEarly() {}

    public static void main(String[] args) {
        System.out.println("cannot bind, giving up");
        System.exit(3);
    }
}
