package dev.proctest.child.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.Pipe;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread that Java calls {@code RUNNABLE} while the kernel has it asleep waits for input in a
 * read of a socket or a pipe, or an accept; in a wait for another thread's class initialisation
 * or a write to a full pipe, it is blocked for something else. Real threads of this JVM, each read
 * from {@code /proc} while it blocks.
 */
class KernelWaitsTests {

    private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** How many reads in a row must agree before a blocked thread's wait counts as the one it settled in. */
    private static final int AGREEING = 20;

    private KernelWaits waits;
    private final CountDownLatch release = new CountDownLatch(1);
    private Thread blocked;

    @BeforeEach
    void onLinux() {
        waits = KernelWaits.ofThisMachine();
        assumeThat(waits).as("Linux on x86-64 or arm64, with /proc").isNotNull();
    }

    @AfterEach
    void unblock() throws InterruptedException {
        release.countDown();
        if (blocked != null) {
            blocked.interrupt();
            blocked.join(5_000);
        }
    }

    @Test
    void a_thread_in_accept_waits_for_input() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String tid = blockIn(() -> server.accept().close());
            assertThat(settled(tid)).isEqualTo(KernelWaits.Kind.INPUT);
        }
    }

    @Test
    void a_thread_reading_a_socket_waits_for_input() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
                Socket accepted = server.accept()) {
            assertThat(client.isConnected()).isTrue();
            InputStream in = accepted.getInputStream();
            String tid = blockIn(in::read);
            assertThat(settled(tid)).isEqualTo(KernelWaits.Kind.INPUT);
        }
    }

    @Test
    void a_thread_reading_a_pipe_waits_for_input() throws Exception {
        Pipe pipe = Pipe.open();
        try {
            String tid = blockIn(() -> pipe.source().read(ByteBuffer.allocate(16)));
            assertThat(settled(tid)).isEqualTo(KernelWaits.Kind.INPUT);
        } finally {
            close(pipe);
        }
    }

    @Test
    void a_thread_writing_to_a_full_pipe_is_blocked_otherwise() throws Exception {
        Pipe pipe = Pipe.open();
        try {
            String tid = blockIn(() -> pipe.sink().write(ByteBuffer.allocate(1 << 20))); // a pipe holds 64 KiB
            assertThat(settled(tid)).isEqualTo(KernelWaits.Kind.OTHER);
        } finally {
            close(pipe);
        }
    }

    @Test
    void a_thread_waiting_for_another_threads_class_initialisation_is_blocked_otherwise() throws Exception {
        Thread initialiser = new Thread(Initialising::touch, "initialiser");
        initialiser.start();
        assertThat(INITIALISING.await(10, TimeUnit.SECONDS)).as("the initialiser started").isTrue();
        String tid = blockIn(Initialising::touch);
        try {
            assertThat(settled(tid)).isEqualTo(KernelWaits.Kind.OTHER);
        } finally {
            INITIALISED.countDown();
            initialiser.join(10_000);
        }
    }

    @Test
    void a_thread_at_work_runs() throws Exception {
        String tid = blockIn(() -> {
            while (release.getCount() > 0) {
                Thread.onSpinWait();
            }
        });
        long deadline = System.nanoTime() + SETTLE_NANOS;
        KernelWaits.Kind kind = waits.of(tid);
        while (kind != KernelWaits.Kind.RUNNING && System.nanoTime() - deadline < 0) { // stopped for a moment, by the JVM
            Thread.yield();
            kind = waits.of(tid);
        }
        assertThat(kind).isEqualTo(KernelWaits.Kind.RUNNING);
    }

    private static final CountDownLatch INITIALISING = new CountDownLatch(1);
    private static final CountDownLatch INITIALISED = new CountDownLatch(1);

    @Test
    void a_read_waits_for_input_from_a_pipe_but_not_from_a_regular_file(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("config"), "key=value");
        Pipe pipe = Pipe.open();
        try (FileChannel opened = FileChannel.open(file)) {
            assertThat(opened.isOpen()).isTrue();
            long fileFd = fdOf(file.toRealPath().toString());
            long pipeFd = fdOf("pipe:");
            assertThat(waits.forInput(read(fileFd))).as("a read of a regular file").isFalse();
            assertThat(waits.forInput(read(pipeFd))).as("a read of a pipe").isTrue();
            assertThat(waits.forInput("202 0x7f0 0x80 0x2 0x0 0x0 0x0 0x7f1 0x7f2")).as("a futex").isFalse();
            assertThat(waits.forInput("-1 0x7f1 0x7f2")).as("a page fault").isFalse();
        } finally {
            close(pipe);
        }
    }

    /** A line of {@code syscall} for a read of {@code fd}, on this machine's table. */
    private static String read(long fd) {
        String arch = System.getProperty("os.arch");
        int number = arch.equals("aarch64") ? 63 : 0;
        return number + " 0x" + Long.toHexString(fd) + " 0x7f0 0x1000 0x0 0x0 0x0 0x7f1 0x7f2";
    }

    /** The descriptor of this process whose link starts with {@code target}. */
    private static long fdOf(String target) throws IOException {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).toString().startsWith(target)) {
                        return Long.parseLong(fd.getFileName().toString());
                    }
                } catch (IOException e) {
                    // closed meanwhile, as the directory's own descriptor is
                }
            }
        }
        throw new AssertionError("no descriptor of this process links to " + target);
    }

    /** A class whose initialiser waits until the test lets it end. */
    static final class Initialising {

        static {
            INITIALISING.countDown();
            try {
                INITIALISED.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void touch() {
            // initialises the class
        }
    }

    private static void close(Pipe pipe) throws IOException {
        pipe.sink().close();
        pipe.source().close();
    }

    private interface Blocking {
        void run() throws Exception;
    }

    /** Starts a thread that runs {@code blocking} and returns its task's id once it has begun. */
    private String blockIn(Blocking blocking) throws InterruptedException {
        CompletableFuture<String> tid = new CompletableFuture<>();
        blocked = new Thread(() -> {
            try {
                tid.complete(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
                blocking.run();
            } catch (Exception e) {
                tid.completeExceptionally(e); // interrupted or closed at the end of the test
            }
        }, "blocked");
        blocked.setDaemon(true);
        blocked.start();
        try {
            return tid.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the blocking thread did not start", e);
        }
    }

    /** The wait the thread has settled in: the same answer for {@value #AGREEING} reads in a row, while Java calls it RUNNABLE. */
    private KernelWaits.Kind settled(String tid) {
        long deadline = System.nanoTime() + SETTLE_NANOS;
        KernelWaits.Kind last = null;
        int agreeing = 0;
        while (agreeing < AGREEING && System.nanoTime() - deadline < 0) {
            KernelWaits.Kind kind = blocked.getState() == Thread.State.RUNNABLE ? waits.of(tid) : null;
            agreeing = kind != null && kind != KernelWaits.Kind.RUNNING && kind == last ? agreeing + 1 : 0;
            last = kind;
            Thread.yield();
        }
        assertThat(agreeing).as("thread %s settled in a wait (last seen: %s, syscall %d)", tid, last, waits.number(tid))
                .isEqualTo(AGREEING);
        return last;
    }
}
