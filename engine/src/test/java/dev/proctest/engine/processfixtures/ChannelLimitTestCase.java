package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.ChildProcess;
import dev.proctest.ChildProcessException;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Registry;
import dev.proctest.wire.Sockets;

/** What is too large for the channel between the test JVM and a child is refused as it is sent, saying so, and the child goes on. */
public class ChannelLimitTestCase {

    @ProcessTest
    void aResultLargerThanTheChannelCarriesFailsTheRunSayingSo(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).readyWhen(Ready.whenSignalled()));

        assertThatThrownBy(() -> child.run(() -> new byte[Sockets.CHANNEL_FRAME_LIMIT + 1])).isInstanceOf(ChildProcessException.class)
                .hasMessageContaining("A RETURNED message of 64 MiB is larger than the 64 MiB the channel between the test JVM and a"
                        + " child carries");
        assertThat(child.run(() -> "served")).isEqualTo("served");
    }

    @ProcessTest
    void aLambdaLargerThanTheChannelCarriesIsRefusedAsItIsSent(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).readyWhen(Ready.whenSignalled()));
        byte[] captured = new byte[Sockets.CHANNEL_FRAME_LIMIT + 1];

        assertThatThrownBy(() -> child.run(() -> captured.length)).hasMessageContaining("A RUN message of 64 MiB is larger than the");
        assertThat(child.run(() -> "served")).isEqualTo("served");
    }
}
