package dev.proctest.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child with more events than are kept keeps how it started and how it ended, and counts the rest. */
class ChildEventsTests {

    @TempDir
    Path reports;

    @Test
    void aChildPausedInALoopKeepsItsStartAndItsEndAndCountsWhatIsBetween() {
        ChildEvents events = new ChildEvents(RunTally.of(reports));
        events.started("cold");
        events.add("ready", "");
        for (int i = 0; i < 2_000; i++) {
            events.add(i % 2 == 0 ? "paused" : "resumed", String.valueOf(i));
        }
        events.add("stopping", "SIGTERM");
        events.exited(0);
        List<ChildEvents.Event> kept = events.all();
        assertThat(kept).hasSize(1_000);
        assertThat(kept.subList(0, 3)).extracting(ChildEvents.Event::what).containsExactly("started", "ready", "paused");
        assertThat(kept.subList(kept.size() - 3, kept.size())).extracting(e -> e.what() + " " + e.detail())
                .containsExactly("resumed 1999", "stopping SIGTERM", "exited code 0");
        assertThat(events.dropped()).isEqualTo(2_004 - 1_000);
        assertThat(kept).extracting(ChildEvents.Event::time).isSorted();
    }

    @Test
    void aChildWithFewEventsKeepsThemAllInOrder() {
        ChildEvents events = new ChildEvents(RunTally.of(reports));
        events.started("pool");
        events.add("ready", "");
        events.exited(143);
        assertThat(events.all()).extracting(ChildEvents.Event::what).containsExactly("started", "ready", "exited");
        assertThat(events.dropped()).isZero();
    }
}
