package dev.proctest.engine.sockets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A socket's transcript holds what the system under test sent: its owner reads it, nobody else. */
class TranscriptFileTests {

    @Test
    @DisabledOnOs(OS.WINDOWS) // POSIX permissions
    void aTranscriptIsReadableByItsOwnerOnly(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("sockets/req.txt");

        new Transcript(10).write(file);

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
