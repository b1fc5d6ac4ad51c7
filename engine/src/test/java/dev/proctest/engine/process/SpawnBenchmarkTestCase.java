package dev.proctest.engine.process;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.FrameworkHello;
import dev.proctest.engine.children.Hello;
import dev.proctest.engine.children.Server;
import dev.proctest.engine.children.ZmqHello;
import dev.proctest.engine.launch.ClassPath;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The measurements of {@link SpawnBenchmark}, each round taking every kind of start once, in turn.
 * Run on a class path without logging frameworks; the FrameworkHello rows show what one adds.
 */
public class SpawnBenchmarkTestCase {

    private static final int WARM_UP = 3;
    private static final int ROUNDS = Integer.getInteger("rounds", 20);

    @ProcessTest
    void measure(Processes processes) throws Exception {
        Map<String, Supplier<Long>> kinds = new LinkedHashMap<>();
        kinds.put("bare java -cp <same class path> Hello, start to exit", () -> bare(Hello.class));
        kinds.put("bare java ... ZmqHello (JeroMQ context + DEALER), to exit", () -> bare(ZmqHello.class));
        kinds.put("bare java ... FrameworkHello logback (+ Logback), to exit", () -> bare(FrameworkHello.class, "logback"));
        kinds.put("bare java ... FrameworkHello log4j2 (+ Log4j 2), to exit", () -> bare(FrameworkHello.class, "log4j2"));
        kinds.put("processes.run(JavaChild.main(Hello)), start to exit", () -> time(() -> processes.run(JavaChild.main(Hello.class))));
        kinds.put("processes.spawn(...Ready.onStart()), to ready", () -> spawnToReady(processes, JavaChild.main(Server.class)));
        kinds.put("processes.spawn(...Ready.whenSignalled()), to ready",
                () -> spawnToReady(processes, JavaChild.main(Server.class).readyWhen(Ready.whenSignalled())));
        kinds.put("  the same with -XX:TieredStopAtLevel=1 -XX:+UseSerialGC", () -> spawnToReady(processes,
                JavaChild.main(Server.class).readyWhen(Ready.whenSignalled()).jvmArgs("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")));
        kinds.put("child.kill() of a ready child, to return", () -> killToReturn(processes));
        kinds.put("  by hand: Process.destroyForcibly() of a sleep, to return", SpawnBenchmarkTestCase::destroyToReturn);

        Map<String, List<Long>> samples = new LinkedHashMap<>();
        kinds.keySet().forEach(kind -> samples.put(kind, new ArrayList<>()));
        for (int round = 0; round < WARM_UP + ROUNDS; round++) {
            for (Map.Entry<String, Supplier<Long>> kind : kinds.entrySet()) {
                long nanos = kind.getValue().get();
                if (round >= WARM_UP) {
                    samples.get(kind.getKey()).add(nanos);
                }
            }
        }
        report(samples, ROUNDS, WARM_UP, "x bare");
    }

    private static long bare(Class<?> mainClass) {
        return bare(mainClass, "");
    }

    /**
     * Times a plain JVM running {@code mainClass}; with a {@code framework} argument, that logging
     * framework's jars, named by the system property of the same name, join the class path.
     */
    private static long bare(Class<?> mainClass, String framework) {
        List<String> classPath = new ArrayList<>(ClassPath.of(SpawnBenchmarkTestCase.class.getClassLoader()));
        if (!framework.isEmpty()) {
            classPath.add(Objects.requireNonNull(System.getProperty(framework), () -> "-D" + framework + "=<its jars> is not set"));
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                String.join(File.pathSeparator, classPath), mainClass.getName(), framework);
        return time(() -> {
            try {
                new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static long spawnToReady(Processes processes, JavaChild spec) {
        long start = System.nanoTime();
        ChildProcess child = processes.spawn(spec);
        long nanos = System.nanoTime() - start;
        child.kill();
        return nanos;
    }

    private static long killToReturn(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Server.class).readyWhen(Ready.whenSignalled()));
        long nanos = time(child::kill);
        child.awaitExit(Duration.ofSeconds(10));
        return nanos;
    }

    private static long destroyToReturn() {
        try {
            Process sleep = new ProcessBuilder("sleep", "60").start();
            long nanos = time(sleep::destroyForcibly);
            sleep.waitFor();
            return nanos;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long time(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return System.nanoTime() - start;
    }

    /** Prints each kind's figures; the first kind is the one the others are compared with. */
    static void report(Map<String, List<Long>> samples, int rounds, int warmUp, String versusFirst) {
        System.out.printf("%d rounds after %d warm-up rounds; %d cores, %s %s, %s%n", rounds, warmUp,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"));
        double bareMedian = percentile(samples.values().iterator().next(), 50);
        System.out.printf("%-58s %9s %9s %9s %9s%n", "", "min ms", "median", "p90", versusFirst);
        samples.forEach((kind, nanos) -> System.out.printf("%-58s %9.1f %9.1f %9.1f %9.2f%n", kind, percentile(nanos, 0),
                percentile(nanos, 50), percentile(nanos, 90), percentile(nanos, 50) / bareMedian));
    }

    private static double percentile(List<Long> nanos, int percent) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100)) / 1e6;
    }
}
