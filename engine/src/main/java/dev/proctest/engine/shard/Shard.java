package dev.proctest.engine.shard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.junit.platform.engine.UniqueId;

/**
 * Shard {@code index} of {@code total}, 1-based: the tests whose unique id hashes to it.
 *
 * <p>A unique id's shard is {@code 1 + h mod total}, where {@code h} is the first eight bytes of
 * the SHA-256 digest of the id's UTF-8 string, read as an unsigned big-endian number. It depends
 * on nothing but the id, so a test lands in the same shard on every JVM and in every run.
 */
record Shard(int index, int total) {

    Shard {
        if (total < 1 || index < 1 || index > total) {
            throw new IllegalArgumentException("no shard " + index + "/" + total);
        }
    }

    /** The shard {@code index/total}, if {@code 1 <= index <= total}. */
    static Optional<Shard> of(int index, int total) {
        return total >= 1 && index >= 1 && index <= total ? Optional.of(new Shard(index, total)) : Optional.empty();
    }

    /** Whether the test or container with this unique id belongs to this shard. */
    boolean keeps(UniqueId uniqueId) {
        return total == 1 || shardOf(uniqueId.toString(), total) == index;
    }

    /** The shard, 1 to {@code total}, of a unique id's string. */
    static int shardOf(String uniqueId, int total) {
        byte[] digest = sha256().digest(uniqueId.getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            h = (h << Byte.SIZE) | (digest[i] & 0xFF);
        }
        return (int) Long.remainderUnsigned(h, total) + 1;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return index + "/" + total;
    }
}
