package dev.proctest.reliability.hostile;

/** A main that a plan can name: it says so and returns. */
public final class PrintsAndExits {

    private PrintsAndExits() {}

    public static void main(String[] args) {
        System.out.println("main ran with " + String.join(" ", args));
    }
}
