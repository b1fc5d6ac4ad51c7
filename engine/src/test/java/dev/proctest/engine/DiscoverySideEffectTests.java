package dev.proctest.engine;

import static dev.proctest.engine.ProcTestKit.discover;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.proctest.engine.fixtures.PassingTestCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Tools call discovery without executing: it must start nothing and open nothing. */
class DiscoverySideEffectTests {

    private static final Path OPEN_FILES = Path.of("/proc/self/fd");

    @Test
    void discoveryStartsNoThreadNoProcessAndOpensNoSocket() throws IOException {
        assumeTrue(Files.isDirectory(OPEN_FILES), "needs /proc to list open sockets");
        Set<Thread> threadsBefore = new HashSet<>(Thread.getAllStackTraces().keySet());
        Set<Long> childrenBefore = children();
        Set<String> socketsBefore = sockets();

        assertThat(discover(selectPackage(PassingTestCase.class.getPackageName())).getChildren()).isNotEmpty();

        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(thread -> !threadsBefore.contains(thread))
                .extracting(Thread::getName).as("threads started by discovery").isEmpty();
        assertThat(children()).as("processes started by discovery").isEqualTo(childrenBefore);
        assertThat(sockets()).as("sockets opened by discovery").isEqualTo(socketsBefore);
    }

    private static Set<Long> children() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static Set<String> sockets() throws IOException {
        try (Stream<Path> descriptors = Files.list(OPEN_FILES)) {
            return descriptors.map(DiscoverySideEffectTests::target).filter(target -> target.startsWith("socket:"))
                    .collect(Collectors.toSet());
        }
    }

    private static String target(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString();
        } catch (IOException e) {
            return ""; // closed between listing and reading: not a socket that discovery holds open
        }
    }
}
