package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.ChildProcess;
import dev.proctest.ChildProcessException;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.LogMark;
import dev.proctest.LogRecord;
import dev.proctest.Logs;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.ClusterNode;
import dev.proctest.engine.children.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Starting children together, waiting for them, and controlling them as a cluster test does. */
public class ClusterControlTestCase {

    private static JavaChild node(String name, Path directory, String... peers) {
        List<String> args = new ArrayList<>(List.of(directory.resolve(name).toString()));
        for (String peer : peers) {
            args.add(directory.resolve(peer).toString());
        }
        return JavaChild.main(ClusterNode.class).name(name).args(args.toArray(String[]::new)).readyWhen(Ready.whenSignalled());
    }

    private static Path directory() throws IOException {
        return Files.createTempDirectory("proctest-cluster");
    }

    @ProcessTest
    void startReturnsBeforeTheChildIsReadyAndAwaitReadyWaitsForIt(Processes processes) throws IOException {
        Path directory = directory();
        ChildProcess node = processes.start(node("n1", directory, "peer"));

        node.published("pid"); // it runs, and cannot be ready: its peer is not there
        Files.createFile(directory.resolve("peer"));
        assertThat(node.awaitReady()).isSameAs(node);
        assertThat(node.logs().records()).extracting(LogRecord::message).contains("peers found");
        assertThat(node.awaitReady(Duration.ofMillis(1))).as("ready already: at once").isSameAs(node);
    }

    @ProcessTest
    void awaitReadyOnASpawnedChildReturnsAtOnce(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).readyWhen(Ready.whenSignalled()));
        long before = System.nanoTime();
        child.awaitReady();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofMillis(100));
    }

    @ProcessTest
    void spawnAllStartsNodesThatAreReadyOnlyTogetherAndReturnsThemInOrder(Processes processes) throws IOException {
        Path directory = directory();
        List<ChildProcess> nodes = processes.spawnAll(node("n1", directory, "n2", "n3"), node("n2", directory, "n1", "n3"),
                node("n3", directory, "n1", "n2"));

        assertThat(nodes).extracting(ChildProcess::name).containsExactly("n1", "n2", "n3");
        assertThat(nodes).allMatch(ChildProcess::isAlive);
    }

    @ProcessTest
    void spawnAllOfANodeThatFailsNamesItAndStopsTheOthers(Processes processes) throws IOException {
        Path directory = directory();
        JavaChild good = node("good", directory, "bad");
        assertThatThrownBy(() -> processes.spawnAll(good, JavaChild.main(ClusterNode.class).name("bad").args("fail")
                .readyWhen(Ready.whenSignalled())))
                .isInstanceOf(ChildProcessException.class)
                .hasMessageStartingWith("Child 'bad' (pid ")
                .hasMessageContaining("exited before it was ready")
                .hasMessageContaining("cannot read my configuration");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (running("good") && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // killed: gone once the system has reaped it
        }
        assertThat(running("good")).as("the good node, stopped as the bad one failed").isFalse();
    }

    @ProcessTest
    void spawnAllOfNothingIsAnError(Processes processes) {
        assertThatThrownBy(processes::spawnAll).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spawnAll needs at least one spec");
    }

    @ProcessTest
    void readyAllWaitsForEachAndAnyForOne(Processes processes) throws IOException {
        Path directory = directory();
        Endpoint port = processes.endpoint("client");
        ChildProcess both = processes.start(JavaChild.main(ClusterNode.class).name("both")
                .args("listen:" + port.port(), directory.resolve("both").toString(), directory.resolve("data").toString())
                .readyWhen(Ready.all(Ready.listening(port), Ready.whenLogged("peers found")).within(Duration.ofSeconds(20))));
        both.published("pid"); // listening by now, but not ready: its data is not there
        Files.createFile(directory.resolve("data"));
        both.awaitReady();
        assertThat(both.logs().records()).extracting(LogRecord::message).contains("peers found");

        ChildProcess either = processes.spawn(JavaChild.main(ClusterNode.class).name("either").args(directory.resolve("either").toString())
                .readyWhen(Ready.any(Ready.whenLogged("nothing like it"), Ready.whenSignalled())));
        assertThat(either.isAlive()).isTrue();
        assertThatThrownBy(() -> processes.spawn(JavaChild.main(ClusterNode.class).name("neither")
                .args(directory.resolve("neither").toString(), directory.resolve("never").toString())
                .readyWhen(Ready.any(Ready.whenLogged("peers found"), Ready.whenSignalled()).within(Duration.ofMillis(500)))))
                .isInstanceOf(ChildProcessException.class).hasMessageContaining("was not ready within 500 ms; proctest waited for any of:"
                        + " a line matching /peers found/ or ProcTest.ready() in the child");
    }

    @ProcessTest
    void killReturnsOnceTheSignalIsSentAndTheLogSettlesAfter(Processes processes) throws IOException {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).readyWhen(Ready.whenSignalled()));
        long before = System.nanoTime();
        child.kill();
        Duration kill = Duration.ofNanos(System.nanoTime() - before);

        assertThat(kill).as("kill, which does not wait for the child to be gone").isLessThan(Duration.ofMillis(400));
        assertThat(child.awaitExit(Duration.ofSeconds(5))).isEqualTo(137);
        assertThat(child.isAlive()).isFalse();
        child.stop(); // the scope's end does the same: its log is complete
        List<String> lines = Files.readAllLines(child.logFile());
        assertThat(lines.get(lines.size() - 2)).endsWith("exited with code 137");
        assertThat(lines.get(lines.size() - 1)).endsWith("killed with SIGKILL");
    }

    @ProcessTest
    void aPausedChildStandsStillUntilResumedAndOutlastsTheHeartbeat(Processes processes) throws Exception {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).readyWhen(Ready.whenSignalled()));
        child.pause();
        assertThat(child.isPaused()).isTrue();
        assertThat(state(child.pid())).as("the child's state in /proc").isEqualTo('T');
        TimeUnit.MILLISECONDS.sleep(3_000); // the pause itself is what is tested: longer than the child's heartbeat timeout, 2 s
        child.resume();

        assertThat(child.isPaused()).isFalse();
        assertThat(child.run(() -> "still here", Duration.ofSeconds(10))).isEqualTo("still here");
        assertThat(child.isAlive()).isTrue();
        child.resume(); // not paused: nothing to do
        child.stop();
        assertThatThrownBy(child::pause).isInstanceOf(IllegalStateException.class).hasMessageStartingWith(
                "Cannot pause child 'Registry': it has exited with code ");
    }

    @ProcessTest
    void restartStartsTheSameSpecUnderTheSameNameAndTheLogGoesOn(Processes processes) throws IOException {
        Path directory = directory();
        ChildProcess first = processes.spawn(node("node", directory));
        long firstPid = first.published("pid", Long.class);
        long lastOfFirst = first.logs().records().get(first.logs().records().size() - 1).sequence();
        Files.delete(directory.resolve("node")); // it creates its file again

        ChildProcess second = first.restart();

        assertThat(second).isNotSameAs(first);
        assertThat(second.name()).isEqualTo("node");
        assertThat(second.pid()).isNotEqualTo(firstPid);
        assertThat(second.published("pid", Long.class)).isEqualTo(second.pid());
        assertThat(first.isAlive()).isFalse();
        assertThat(first.exitCode()).isPresent();
        assertThat(first.published("pid", Long.class)).as("the ended incarnation keeps what it published").isEqualTo(firstPid);
        assertThat(second.logs().records()).as("numbered on").allMatch(record -> record.sequence() > lastOfFirst)
                .extracting(LogRecord::message).contains("peers found");
        assertThat(second.logFile()).isEqualTo(first.logFile());
        List<String> lines = Files.readAllLines(second.logFile());
        assertThat(lines).filteredOn(line -> line.contains(" proctest ")).extracting(line -> line.substring(line.indexOf("proctest") + 9))
                .anyMatch(line -> line.startsWith("started again: the log of its earlier run (pid " + firstPid + ") is above"));
    }

    @ProcessTest
    void aNameGivenIsNeverChangedTakenByARunningChildItIsAnErrorByAnEndedOneItGoesOn(Processes processes) throws IOException {
        Path directory = directory();
        ChildProcess first = processes.spawn(node("zk2", directory));
        assertThatThrownBy(() -> processes.spawn(node("zk2", directory))).isInstanceOf(ChildProcessException.class)
                .hasMessage("Cannot start child 'zk2': a child of that name is running in this scope (pid " + first.pid() + "); give the"
                        + " new one another name with name(...), or stop the other one first");
        first.stop();
        Files.delete(directory.resolve("zk2"));

        ChildProcess again = processes.spawn(node("zk2", directory));
        assertThat(again.name()).isEqualTo("zk2");
        assertThat(again.logFile()).isEqualTo(first.logFile());
        assertThat(processes.spawn(JavaChild.main(Registry.class).readyWhen(Ready.whenSignalled())).name()).isEqualTo("Registry");
        assertThat(processes.spawn(JavaChild.main(Registry.class).readyWhen(Ready.whenSignalled())).name()).isEqualTo("Registry-2");
    }

    @ProcessTest
    void aMarkSeesOnlyWhatComesAfterIt(Processes processes, Logs logs) throws IOException {
        Path directory = directory();
        ChildProcess node = processes.spawn(node("node", directory));
        long before = node.logs().records().get(node.logs().records().size() - 1).sequence();
        LogMark mark = logs.mark();
        assertThat(logs.since(mark).records()).isEmpty();
        assertThatThrownBy(() -> logs.since(mark).within(Duration.ofMillis(300)).await("peers found"))
                .isInstanceOf(ChildProcessException.class);

        Files.delete(directory.resolve("node"));
        node.restart();
        assertThat(logs.since(mark).await("peers found").sequence()).as("the restarted node's, not the first's").isGreaterThan(before);
        assertThat(node.logs().since(mark).records()).isEmpty(); // the first incarnation logged nothing after it
        assertThat(mark.toString()).startsWith("LogMark[").contains("node after record ");
    }

    @ProcessTest
    void childrenShowTheirNameAndMainClassOnTheirCommandLine(Processes processes) throws Exception {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).name("zk1").readyWhen(Ready.whenSignalled())
                .jvmArgs("-Dlaunch=of-this-test-only")); // a launch the run has not used before starts cold
        assertThat(ProcessHandle.of(child.pid()).flatMap(process -> process.info().commandLine()).orElseThrow())
                .contains("-Dproctest.child=zk1").contains("-Dproctest.main=" + Registry.class.getName());
        assertThat(Files.readString(Path.of("/proc", String.valueOf(child.pid()), "comm")).strip()).as("its process name").isEqualTo("zk1");
        assertThat(child.run(() -> System.getProperty("proctest.child"))).isEqualTo("zk1");
    }

    @ProcessTest
    void processesChildrenAndLogsServeSeveralThreadsAtOnce(Processes processes, Logs logs) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<ChildProcess>> spawned = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                spawned.add(threads.submit(() -> processes.spawn(JavaChild.main(Registry.class).readyWhen(Ready.whenSignalled()))));
            }
            List<String> names = new ArrayList<>();
            for (Future<ChildProcess> child : spawned) {
                ChildProcess running = child.get(60, TimeUnit.SECONDS);
                names.add(running.name());
                threads.submit(() -> running.run(() -> {
                    System.out.println("hello from " + ProcessHandle.current().pid());
                    return null;
                })).get(30, TimeUnit.SECONDS);
            }
            assertThat(names).doesNotHaveDuplicates().hasSize(8);
            List<Future<LogRecord>> awaits = new ArrayList<>();
            for (String name : names) {
                awaits.add(threads.submit(() -> logs.from(name).await("hello from")));
            }
            for (Future<LogRecord> await : awaits) {
                assertThat(await.get(30, TimeUnit.SECONDS).message()).startsWith("hello from");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Whether a child of this name runs, as its command line says. */
    private static boolean running(String child) {
        return ProcessHandle.current().descendants().anyMatch(process -> process.isAlive()
                && process.info().commandLine().orElse("").contains("-Dproctest.child=" + child + " "));
    }

    /** The state letter of a process in {@code /proc/<pid>/stat}: {@code T} for stopped. */
    private static char state(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }
}
