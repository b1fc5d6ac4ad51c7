package dev.proctest.reliability.hostile;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.reliability.Counts;
import dev.proctest.reliability.Figures;
import dev.proctest.wire.ChildPlan;
import dev.proctest.wire.Environment;
import dev.proctest.wire.Message;
import dev.proctest.wire.MessageCodec;
import dev.proctest.wire.TimePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * A child JVM whose hub is an impostor in the test JVM, which feeds its channel garbage: random
 * frames, malformed and unknown messages, runs of bytes that are no lambda, and then a plan. The
 * child must neither crash with a flood of stack traces nor hang: it says at most one line about
 * the malformed input and follows the plan, ending cleanly whether the plan's main exists or not.
 */
class ChildChannelHostileTests {

    private static final Duration EXIT = Duration.ofSeconds(60); // a loaded 2-core machine starts a JVM slowly

    @Test
    void aChildFedGarbageThenAPlanRunsItsMainAndExitsCleanly(@TempDir Path directory) throws Exception {
        Outcome outcome = feed(directory, PrintsAndExits.class.getName(), 0);
        assertThat(outcome.exitCode).as("%s", outcome.output).isZero();
        assertThat(outcome.output).contains("main ran with after garbage");
        record("plan followed", outcome);
    }

    @Test
    void aChildFedGarbageThenAPlanWhoseMainIsMissingSaysSoOnceAndExits(@TempDir Path directory) throws Exception {
        Outcome outcome = feed(directory, "no.such.Main", 1);
        assertThat(outcome.exitCode).as("%s", outcome.output).isEqualTo(2);
        assertThat(outcome.output).as("what the child said").filteredOn(line -> line.contains("cannot load main class no.such.Main"))
                .hasSize(1);
        record("wrong plan", outcome);
    }

    private record Outcome(int exitCode, List<String> output, long messages, long millis) {}

    /** Starts a child against an impostor hub, sends it garbage and then a plan of {@code mainClass}, and waits for its end. */
    private static Outcome feed(Path directory, String mainClass, long seed) throws IOException, InterruptedException {
        long count = Counts.of(1_000, 20_000); // fed before the plan, so within the child's 30 s plan timeout
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket impostor = context.createSocket(SocketType.ROUTER);
            impostor.setReceiveTimeOut((int) EXIT.toMillis());
            // A ROUTER drops silently what it cannot hand its peer (queue full, connection coming back): this one says so, see deliver.
            impostor.setRouterMandatory(true);
            impostor.setSendTimeOut((int) EXIT.toMillis());
            int port = impostor.bindToRandomPort("tcp://127.0.0.1");
            Path output = directory.resolve("child.out");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), "dev.proctest.child.ChildMain").redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put(Environment.HUB, "tcp://127.0.0.1:" + port);
            builder.environment().put(Environment.CHILD_ID, "child-1");
            builder.environment().put(Environment.TOKEN, "0123456789abcdef0123456789abcdef");
            builder.environment().put(Environment.PARENT_PID, String.valueOf(ProcessHandle.current().pid()));
            long start = System.nanoTime();
            Process child = builder.start();
            try {
                ZMsg hello = ZMsg.recvMsg(impostor);
                assertThat(hello).as("the child's HELLO").isNotNull();
                ZFrame identity = hello.pop();
                assertThat(MessageCodec.fromZMsg(hello)).isInstanceOf(Message.Hello.class);
                Random random = new Random(seed);
                for (long i = 0; i < count; i++) {
                    deliver(impostor, garbage(random, identity.getData()));
                }
                ChildPlan plan = new ChildPlan("fed", mainClass, List.of("after", "garbage"), Map.of(), Duration.ofSeconds(30),
                        List.of(), TimePlan.REAL);
                deliver(impostor, MessageCodec.toZMsg(identity.getData(), new Message.Plan(plan)));
                answerEnd(impostor, child);
                assertThat(child.waitFor(EXIT.toSeconds(), TimeUnit.SECONDS)).as("the child ended").isTrue();
            } finally {
                child.destroyForcibly();
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            List<String> lines = Files.readAllLines(output, UTF_8);
            assertThat(lines).as("no stack trace").noneMatch(line -> line.startsWith("\tat "));
            assertThat(lines).as("one line about the malformed input, of %s", lines).filteredOn(line -> line.contains("malformed")).hasSize(1);
            assertThat(lines).as("what the child said").hasSizeLessThanOrEqualTo(3);
            return new Outcome(child.exitValue(), lines, count, millis);
        }
    }

    /**
     * Sends {@code message} (its first frame the child's identity) whole, waiting while the child's queue is full and trying again
     * while the child's connection is not there, up to {@link #EXIT}: the plan after the garbage must reach it.
     */
    private static void deliver(ZMQ.Socket impostor, ZMsg message) {
        List<byte[]> frames = message.stream().map(ZFrame::getData).toList();
        long deadline = System.nanoTime() + EXIT.toNanos();
        while (!impostor.send(frames.get(0), ZMQ.SNDMORE)) {
            assertThat(impostor.errno()).as("why the impostor cannot send to the child").isEqualTo(ZMQ.Error.EHOSTUNREACH.getCode());
            assertThat(System.nanoTime()).as("the child's connection is back within %s", EXIT).isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // the pause between tries inside the deadline
        }
        for (int i = 1; i < frames.size(); i++) {
            assertThat(impostor.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0)).as("frame %d sent", i).isTrue();
        }
    }

    /** Reads what the child sends until it ends, and answers its END as a hub does: an ending child waits for that answer. */
    private static void answerEnd(ZMQ.Socket impostor, Process child) {
        impostor.setReceiveTimeOut(50);
        long deadline = System.nanoTime() + EXIT.toNanos();
        while (child.isAlive() && System.nanoTime() < deadline) {
            ZMsg message = ZMsg.recvMsg(impostor);
            if (message != null) {
                ZFrame from = message.pop();
                if (message.size() == 1 && message.peekFirst().getString(UTF_8).equals("END")) {
                    MessageCodec.toZMsg(from.getData(), new Message.Ended()).send(impostor);
                }
            }
        }
    }

    /** Random frames, a known name with fields of random bytes, or an unknown name. */
    private static ZMsg garbage(Random random, byte[] identity) {
        ZMsg message = new ZMsg();
        message.add(identity);
        String[] names = {"PLAN", "RUN", "ANSWER", "SYNC", "REFUSED?", "PING", "DUMP!", "END"};
        int kind = random.nextInt(3);
        if (kind == 0) {
            message.add(names[random.nextInt(names.length)]);
        }
        for (int frame = kind == 2 ? 1 : random.nextInt(4); frame > 0; frame--) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            message.add(bytes);
        }
        if (message.size() == 1) {
            message.add(new byte[0]);
        }
        return message;
    }

    private static void record(String variant, Outcome outcome) {
        Figures.record("hostile", "child channel (" + variant + "): " + outcome.messages + " garbage messages from an impostor hub,"
                + " exit " + outcome.exitCode + " after " + outcome.millis + " ms, " + outcome.output.size() + " lines of output");
    }
}
