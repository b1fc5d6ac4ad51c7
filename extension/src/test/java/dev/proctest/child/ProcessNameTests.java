package dev.proctest.child;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A process's name keeps what Linux keeps of it, whole characters only. */
class ProcessNameTests {

    @Test
    void aShortNameIsKeptWhole() {
        assertThat(new String(ProcessName.truncated("zk1"), StandardCharsets.UTF_8)).isEqualTo("zk1");
    }

    @Test
    void aLongNameKeepsItsFirstFifteenBytes() {
        assertThat(new String(ProcessName.truncated("zookeeper-node-12"), StandardCharsets.UTF_8)).isEqualTo("zookeeper-node-");
    }

    @Test
    void aCharacterAcrossTheLimitIsLeftOutRatherThanCut() {
        String name = "nodo-españa-númer"; // ñ and ú take two bytes each; the 15th byte is the first of ú's
        byte[] kept = ProcessName.truncated(name);

        assertThat(kept.length).isEqualTo(14);
        assertThat(new String(kept, StandardCharsets.UTF_8)).isEqualTo("nodo-españa-n");
    }
}
