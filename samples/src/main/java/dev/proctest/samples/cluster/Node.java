package dev.proctest.samples.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * One node of the store: {@code Node <id> <data directory> <id>=<port>...} for every node of the
 * cluster, itself included. It answers lines over TCP: {@code LEADER} ({@code leader <id>}),
 * {@code SET <key> <value>} (the leader stores it, copies it to every live follower, answers
 * {@code ok}; a follower answers {@code redirect <port>}), {@code GET <key>} ({@code value <v>} or
 * {@code none}), {@code PING} ({@code pong}) and, between nodes, {@code COPY <key> <value>}.
 * Every 100 ms it pings its peers; when the leader it sees changes, it logs {@code node <id>
 * follows leader <leader>} or {@code node <id> is the leader}.
 */
public final class Node {

    private static final Logger LOG = Logger.getLogger("cluster.node");
    private static final int PEER_TIMEOUT_MILLIS = 150;

    private final int id;
    private final Map<Integer, Integer> ports;
    private final Store store;
    private volatile int leader = -1;

    Node(int id, Map<Integer, Integer> ports, Store store) {
        this.id = id;
        this.ports = ports;
        this.store = store;
    }

    public static void main(String[] args) throws IOException {
        int id = Integer.parseInt(args[0]);
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] node = args[i].split("=");
            ports.put(Integer.parseInt(node[0]), Integer.parseInt(node[1]));
        }
        if (!ports.containsKey(id)) {
            System.err.println("node " + id + " is not among the cluster's nodes " + ports.keySet());
            System.exit(2);
        }
        Node node = new Node(id, ports, new Store(Path.of(args[1])));
        ServerSocket server = new ServerSocket(ports.get(id), 50, InetAddress.getLoopbackAddress());
        LOG.info("node " + id + " listening on " + ports.get(id) + " with " + node.store.size() + " keys");
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor();
        heartbeat.scheduleWithFixedDelay(node::elect, 0, 100, TimeUnit.MILLISECONDS);
        while (true) {
            Socket client = server.accept();
            Thread serving = new Thread(() -> node.serve(client), "client-" + client.getPort());
            serving.setDaemon(true);
            serving.start();
        }
    }

    /** Looks at who lives and logs a change of leader. */
    void elect() {
        Set<Integer> live = new HashSet<>();
        for (int peer : ports.keySet()) {
            if (peer != id && "pong".equals(ask(peer, "PING"))) {
                live.add(peer);
            }
        }
        int now = Election.leader(id, live);
        if (now != leader) {
            leader = now;
            LOG.info(now == id ? "node " + id + " is the leader" : "node " + id + " follows leader " + now);
        }
    }

    private void serve(Socket client) {
        try (client;
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(reply(line.split(" ", 3)));
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    String reply(String[] command) {
        switch (command[0]) {
            case "PING":
                return "pong";
            case "LEADER":
                return "leader " + leader;
            case "GET":
                return store.get(command[1]).map(value -> "value " + value).orElse("none");
            case "COPY":
                store.put(command[1], command[2]);
                return "ok";
            case "SET":
                if (leader != id) {
                    return "redirect " + ports.get(leader);
                }
                store.put(command[1], command[2]);
                for (int peer : ports.keySet()) {
                    if (peer != id) {
                        ask(peer, "COPY " + command[1] + " " + command[2]); // a follower that is down catches up never: a sample, not a database
                    }
                }
                return "ok";
            default:
                return "error unknown command " + command[0];
        }
    }

    /** Sends one line to a peer and returns its answer, or null if it does not answer in time. */
    private String ask(int peer, String line) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), ports.get(peer)), PEER_TIMEOUT_MILLIS);
            socket.setSoTimeout(PEER_TIMEOUT_MILLIS);
            PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
            out.println(line);
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
