package dev.proctest.samples.replica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.UnitTest;
import java.util.concurrent.TimeUnit;

/** The protocol's rules, without a network: time is a number here. */
class MembershipTests {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @UnitTest
    void the_lowest_backup_with_a_majority_becomes_primary() {
        Membership zero = new Membership(0, 3, SECOND, -2 * SECOND);
        assertThat(zero.tick(0)).isEmpty(); // alone: no majority
        zero.heard(new Heartbeat(2, 1, 0, false, 0), 0);
        assertThat(zero.tick(1)).containsExactly("node 0 is primary for term 1");
        Membership one = new Membership(1, 3, SECOND, -2 * SECOND);
        one.heard(new Heartbeat(0, 1, 0, false, 0), 0);
        one.heard(new Heartbeat(2, 1, 0, false, 0), 0);
        assertThat(one.tick(1)).isEmpty(); // node 0 is lower
    }

    @UnitTest
    void a_node_claims_nothing_in_its_first_failure_timeout() {
        Membership zero = new Membership(0, 3, SECOND, 0);
        zero.heard(new Heartbeat(1, 1, 0, false, 0), 0);
        assertThat(zero.tick(SECOND / 2)).isEmpty();
        zero.heard(new Heartbeat(1, 2, 0, false, 0), SECOND);
        assertThat(zero.tick(SECOND + 1)).containsExactly("node 0 is primary for term 1");
    }

    @UnitTest
    void a_primary_without_a_majority_steps_down() {
        Membership zero = new Membership(0, 3, SECOND, -2 * SECOND);
        zero.heard(new Heartbeat(1, 1, 0, false, 0), 0);
        zero.tick(0);
        assertThat(zero.primary()).isTrue();
        assertThat(zero.tick(2 * SECOND)).containsExactly("node 0 steps down: it hears 0 of its 2 peers, no majority");
        zero.heard(new Heartbeat(1, 2, 1, false, 0), 2 * SECOND); // an old heartbeat, read late, as after a pause
        assertThat(zero.tick(2 * SECOND + 1)).as("no claim for a failure timeout after stepping down").isEmpty();
    }

    @UnitTest
    void a_primary_of_a_later_term_wins_and_is_followed() {
        Membership zero = new Membership(0, 3, SECOND, -2 * SECOND);
        zero.heard(new Heartbeat(1, 1, 0, false, 0), 0);
        zero.tick(0);
        zero.heard(new Heartbeat(1, 5, 2, true, 0), 1);
        assertThat(zero.tick(2)).containsExactly("node 0 steps down: node 1 is primary for term 2", "node 0 follows primary 1 (term 2)");
        assertThat(zero.term()).isEqualTo(2);
    }

    @UnitTest
    void missed_heartbeats_are_counted() {
        Membership zero = new Membership(0, 3, SECOND, -2 * SECOND);
        assertThat(zero.heard(new Heartbeat(1, 1, 0, false, 0), 0)).isZero();
        assertThat(zero.heard(new Heartbeat(1, 5, 0, false, 0), 1)).isEqualTo(3);
    }

    @UnitTest
    void heartbeats_read_as_they_are_written() {
        Heartbeat heartbeat = new Heartbeat(2, 17, 3, true, 1_764_670_000_000L);
        assertThat(Heartbeat.decode(heartbeat.encode())).isEqualTo(heartbeat);
    }
}
