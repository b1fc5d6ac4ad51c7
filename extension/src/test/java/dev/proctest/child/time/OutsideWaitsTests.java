package dev.proctest.child.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A thread that waits for proctest's channel holds the clock until its outermost such wait ends. */
class OutsideWaitsTests {

    @Test
    void a_wait_for_room_inside_a_console_write_leaves_the_write_holding_the_clock() {
        Thread thread = Thread.currentThread();
        OutsideWaits.Wait write = OutsideWaits.hold(thread);
        OutsideWaits.Wait room = OutsideWaits.hold(thread);
        room.close();
        assertThat(OutsideWaits.holds(thread)).as("still in the console write").isTrue();
        write.close();
        assertThat(OutsideWaits.holds(thread)).as("after the write").isFalse();
    }

    @Test
    void a_wait_of_one_thread_holds_only_that_thread() {
        Thread other = new Thread(() -> { }, "other");
        OutsideWaits.Wait wait = OutsideWaits.hold(Thread.currentThread());
        try {
            assertThat(OutsideWaits.holds(other)).isFalse();
            assertThat(OutsideWaits.holds(Thread.currentThread())).isTrue();
        } finally {
            wait.close();
        }
    }
}
