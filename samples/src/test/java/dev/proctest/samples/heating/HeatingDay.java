package dev.proctest.samples.heating;

import java.time.Duration;

/** Runs the heating controller in the room for a day, then exits. */
public final class HeatingDay {

    private HeatingDay() {}

    public static void main(String[] args) throws InterruptedException {
        Thread control = new Thread(() -> {
            try {
                new HeatingController(new RoomDay(), new Relay()).run();
            } catch (InterruptedException e) {
                // the day is over
            }
        }, "control");
        control.start();
        Thread.sleep(Duration.ofDays(1).toMillis());
        control.interrupt();
        control.join();
        System.out.println("a day has passed");
    }
}
