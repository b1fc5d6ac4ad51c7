package dev.proctest.samples.replica;

/**
 * What a node says to its peers every heartbeat: who it is, its count of heartbeats, the term it
 * knows, whether it is the primary, and its wall clock (which the protocol only reports on, never
 * trusts).
 */
record Heartbeat(int node, long sequence, long term, boolean primary, long wallMillis) {

    /** {@code hb 0 17 1 primary 1764670000000}. */
    String encode() {
        return "hb " + node + " " + sequence + " " + term + " " + (primary ? "primary" : "backup") + " " + wallMillis;
    }

    static Heartbeat decode(String text) {
        String[] parts = text.split(" ");
        if (parts.length != 6 || !parts[0].equals("hb")) {
            throw new IllegalArgumentException("Not a heartbeat: " + text);
        }
        return new Heartbeat(Integer.parseInt(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]),
                parts[4].equals("primary"), Long.parseLong(parts[5]));
    }
}
