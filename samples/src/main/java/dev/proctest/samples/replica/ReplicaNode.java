package dev.proctest.samples.replica;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * One node of a replicated service with a primary and backups:
 * {@code ReplicaNode <node> <heartbeat ms> <failure timeout ms> <address>...}, one ZeroMQ address
 * per node of the cluster as this node reaches it (its own is the one it binds). It publishes a
 * {@link Heartbeat} on a PUB socket every heartbeat and hears its peers on a SUB socket; {@link
 * Membership} decides who is primary. It logs each change ({@code node 1 is primary for term 2},
 * {@code node 0 steps down: ...}, {@code node 2 follows primary 1 (term 2)}), the heartbeats it
 * missed, a peer whose wall clock is a second or more off its own, and, as primary, once per
 * failure timeout {@code node 1 holds the lease of term 2}.
 */
public final class ReplicaNode {

    private static final Logger LOG = Logger.getLogger("replica");
    private static final long CLOCK_SKEW_REPORTED_MILLIS = 1_000;

    private ReplicaNode() {}

    public static void main(String[] args) {
        int self = Integer.parseInt(args[0]);
        long heartbeatNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[1]));
        long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[2]));
        int size = args.length - 3;
        Membership membership = new Membership(self, size, timeoutNanos, System.nanoTime());
        Map<Integer, Long> reportedSkew = new HashMap<>();
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket pub = context.createSocket(SocketType.PUB);
            pub.setLinger(0);
            pub.bind(args[3 + self]);
            ZMQ.Socket sub = context.createSocket(SocketType.SUB);
            sub.setLinger(0);
            sub.setReceiveTimeOut(10);
            sub.subscribe(new byte[0]);
            for (int node = 0; node < size; node++) {
                if (node != self) {
                    sub.connect(args[3 + node]);
                }
            }
            LOG.info("node " + self + " of " + size + " started");
            long sequence = 0;
            long next = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                String message = sub.recvStr();
                if (message != null) {
                    Heartbeat heartbeat = Heartbeat.decode(message);
                    long missed = membership.heard(heartbeat, System.nanoTime());
                    if (missed > 0) {
                        LOG.warning("node " + self + " missed " + missed + " heartbeats from node " + heartbeat.node());
                    }
                    reportSkew(self, heartbeat, reportedSkew);
                }
                long now = System.nanoTime();
                if (now - next >= 0) {
                    next += heartbeatNanos;
                    sequence++;
                    membership.tick(now).forEach(LOG::info);
                    pub.send(new Heartbeat(self, sequence, membership.term(), membership.primary(), System.currentTimeMillis()).encode());
                    if (membership.primary() && sequence % Math.max(1, timeoutNanos / heartbeatNanos) == 0) {
                        LOG.info("node " + self + " holds the lease of term " + membership.term());
                    }
                }
            }
        }
    }

    /** Logs a peer whose wall clock is off this node's by a second or more, each time the difference in whole seconds changes. */
    private static void reportSkew(int self, Heartbeat heartbeat, Map<Integer, Long> reported) {
        long skewSeconds = Math.round((heartbeat.wallMillis() - System.currentTimeMillis()) / (double) CLOCK_SKEW_REPORTED_MILLIS);
        if (skewSeconds != reported.getOrDefault(heartbeat.node(), 0L)) {
            reported.put(heartbeat.node(), skewSeconds);
            if (skewSeconds != 0) {
                LOG.warning("node " + heartbeat.node() + "'s clock is " + Math.abs(skewSeconds) + " s " + (skewSeconds > 0 ? "ahead of" : "behind")
                        + " node " + self + "'s");
            }
        }
    }
}
