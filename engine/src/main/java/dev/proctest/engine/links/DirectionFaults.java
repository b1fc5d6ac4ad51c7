package dev.proctest.engine.links;

import dev.proctest.Link;
import dev.proctest.LinkFaults;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** The faults of one direction of a link, for {@link Link#upstream()} and {@link Link#downstream()}. */
final class DirectionFaults implements LinkFaults {

    private final LinkProxy link;
    private final List<Direction> direction;

    DirectionFaults(LinkProxy link, List<Direction> direction) {
        this.link = link;
        this.direction = direction;
    }

    @Override
    public void partition() {
        link.partition(direction);
    }

    @Override
    public void delay(Duration latency) {
        link.delay(direction, latency, Duration.ZERO);
    }

    @Override
    public void delay(Duration latency, Duration jitter) {
        link.delay(direction, latency, jitter);
    }

    @Override
    public void throttle(long bytesPerSecond) {
        link.throttle(direction, bytesPerSecond);
    }

    @Override
    public void dropNext(int count) {
        link.dropNext(direction, count);
    }

    @Override
    public void drop(Predicate<List<byte[]>> which) {
        link.rule(direction, which, "dropping", true);
    }

    @Override
    public void hold(Predicate<List<byte[]>> which) {
        link.rule(direction, which, "holding", false);
    }

    @Override
    public int release() {
        return link.release(direction);
    }

    @Override
    public void heal() {
        link.onLoop("healed" + link.said(direction), () -> link.core.heal(direction));
    }

    @Override
    public String toString() {
        return link.name() + " " + direction.get(0).name;
    }
}
