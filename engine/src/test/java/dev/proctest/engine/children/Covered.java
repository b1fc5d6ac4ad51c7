package dev.proctest.engine.children;

import dev.proctest.child.ProcTest;
import java.util.concurrent.CountDownLatch;

/**
 * Runs only in children: each way a child ends runs a method of its own, so that the coverage
 * tests can tell which child's coverage reached the merged data.
 */
public final class Covered {

    private Covered() {}

    public static void main(String[] args) throws InterruptedException {
        switch (args[0]) {
            case "returns" -> returns();
            case "exits" -> exits();
            case "stopped" -> stopped();
            case "killed" -> killed();
            case "never-ready" -> neverReady();
            case "killed-from-outside" -> killedFromOutside();
            case "other-jdk" -> otherJdk();
            default -> parallel(Integer.parseInt(args[0]));
        }
        if (!args[0].equals("returns")) {
            if (!args[0].equals("never-ready")) {
                ProcTest.ready();
            }
            new CountDownLatch(1).await(); // serves until the test ends it
        }
    }

    static void returns() {
        System.out.println("returns");
    }

    static void exits() {
        System.out.println("exits");
        System.exit(3);
    }

    // A method's coverage is recorded as it returns: each returns before its child serves.

    static void stopped() {
        System.out.println("stopped");
    }

    static void killed() {
        System.out.println("killed");
    }

    static void neverReady() {
        System.out.println("never ready");
    }

    static void killedFromOutside() {
        System.out.println("killed from outside");
    }

    static void otherJdk() {
        System.out.println("on Java " + Runtime.version().feature());
    }

    static void parallel(int n) {
        switch (n) {
            case 0 -> p0();
            case 1 -> p1();
            case 2 -> p2();
            case 3 -> p3();
            case 4 -> p4();
            case 5 -> p5();
            case 6 -> p6();
            default -> p7();
        }
    }

    static void p0() {
        System.out.println("p0");
    }

    static void p1() {
        System.out.println("p1");
    }

    static void p2() {
        System.out.println("p2");
    }

    static void p3() {
        System.out.println("p3");
    }

    static void p4() {
        System.out.println("p4");
    }

    static void p5() {
        System.out.println("p5");
    }

    static void p6() {
        System.out.println("p6");
    }

    static void p7() {
        System.out.println("p7");
    }

    /** Never runs: its coverage stays empty. */
    static void neverCalled() {
        System.out.println("never called");
    }
}
