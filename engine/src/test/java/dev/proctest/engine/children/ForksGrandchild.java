package dev.proctest.engine.children;

import dev.proctest.child.ProcTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Starts a grandchild the way daemons are started, through a shell that exits at once, so the
 * grandchild is no longer its descendant; publishes the grandchild's pid; then exits.
 */
public final class ForksGrandchild {

    private ForksGrandchild() {}

    public static void main(String[] args) throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "sleep 300 > /dev/null 2>&1 & echo $!").start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8))) {
            long grandchild = Long.parseLong(out.readLine().strip());
            shell.waitFor();
            ProcTest.publish("grandchild", grandchild);
            System.out.println("started grandchild " + grandchild + " and leaving");
        }
    }
}
