package dev.proctest.samples.mq;

import dev.proctest.samples.mq.QueueProtocol.Invalid;
import dev.proctest.samples.mq.QueueProtocol.Request;
import dev.proctest.samples.mq.QueueProtocol.Send;
import dev.proctest.samples.mq.QueueProtocol.Subscribe;
import dev.proctest.samples.mq.QueueProtocol.Unsubscribe;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The queue's state, its topics with their subscribers and caches, and what each request does to
 * it. Not thread-safe: the server calls it from its one thread.
 */
public final class Broker {

    /** Someone connected: the broker writes lines to it. */
    public interface Subscriber {
        void send(String line);
    }

    private final int cacheSize;
    private final Map<String, Topic> topics = new HashMap<>();
    /** The topics each subscriber is subscribed to: one that goes leaves those, not every topic. */
    private final Map<Subscriber, Set<Topic>> subscriptions = new HashMap<>();

    /** @param cacheSize how many of each topic's newest messages are kept for later subscribers; 0 keeps none */
    public Broker(int cacheSize) {
        if (cacheSize < 0) {
            throw new IllegalArgumentException("The cache size is 0 or more, was " + cacheSize);
        }
        this.cacheSize = cacheSize;
    }

    /** Does what {@code line} from {@code from} asks: replies to it, and sends what it sends to the topic's subscribers. */
    public void handle(Subscriber from, byte[] line) {
        Request request = QueueProtocol.parse(line);
        if (request instanceof Invalid invalid) {
            from.send(QueueProtocol.failure(invalid.reason()));
        } else if (request instanceof Subscribe subscribe) {
            Topic topic = topic(subscribe.topic());
            topic.subscribers.add(from);
            subscriptions.computeIfAbsent(from, ignored -> new HashSet<>()).add(topic);
            from.send(QueueProtocol.success());
            if (subscribe.cache()) {
                for (Cached message : topic.cache) {
                    if (subscribe.lastSeen() == null || BigInteger.valueOf(message.index).compareTo(subscribe.lastSeen()) > 0) {
                        from.send(message.line);
                    }
                }
            }
        } else if (request instanceof Unsubscribe unsubscribe) {
            Topic topic = topics.get(unsubscribe.topic());
            if (topic != null) {
                topic.subscribers.remove(from);
                Set<Topic> subscribed = subscriptions.get(from);
                if (subscribed != null) { // a client may leave a topic it never joined
                    subscribed.remove(topic);
                }
            }
            from.send(QueueProtocol.success());
        } else if (request instanceof Send send) {
            Topic topic = topic(send.topic());
            long index = topic.nextIndex++;
            String message = QueueProtocol.delivered(send.topic(), send.msg(), index, send.toAll());
            if (cacheSize > 0) {
                if (topic.cache.size() == cacheSize) {
                    topic.cache.removeFirst();
                }
                topic.cache.addLast(new Cached(index, message));
            }
            from.send(QueueProtocol.success());
            deliver(topic, message, send.toAll());
        }
    }

    /** Forgets a subscriber that has gone. */
    public void gone(Subscriber subscriber) {
        Set<Topic> left = subscriptions.remove(subscriber);
        if (left != null) {
            left.forEach(topic -> topic.subscribers.remove(subscriber));
        }
    }

    private void deliver(Topic topic, String message, boolean toAll) {
        if (topic.subscribers.isEmpty()) {
            return;
        }
        if (toAll) {
            new ArrayList<>(topic.subscribers).forEach(subscriber -> subscriber.send(message));
            return;
        }
        List<Subscriber> subscribers = new ArrayList<>(topic.subscribers);
        subscribers.get((int) (topic.nextOne++ % subscribers.size())).send(message); // one each, in turn
    }

    private Topic topic(String name) {
        return topics.computeIfAbsent(name, ignored -> new Topic());
    }

    private record Cached(long index, String line) {}

    private static final class Topic {
        final Set<Subscriber> subscribers = new LinkedHashSet<>();
        final Deque<Cached> cache = new ArrayDeque<>();
        long nextIndex;
        long nextOne;
    }
}
