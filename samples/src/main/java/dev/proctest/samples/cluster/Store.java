package dev.proctest.samples.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A node's copy of the data: in memory, and appended to {@code store.log} in its data directory, read back at start. */
final class Store {

    private final Path file;
    private final Map<String, String> values = new ConcurrentHashMap<>();

    Store(Path directory) {
        this.file = directory.resolve("store.log");
        try {
            Files.createDirectories(directory);
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (String line : lines) {
                    String[] entry = line.split(" ", 2);
                    values.put(entry[0], entry[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    synchronized void put(String key, String value) {
        try {
            Files.writeString(file, key + " " + value + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        values.put(key, value);
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    int size() {
        return values.size();
    }
}
