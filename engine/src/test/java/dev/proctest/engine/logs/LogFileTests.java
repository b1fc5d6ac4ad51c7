package dev.proctest.engine.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A child's log holds whatever the system under test logged: its owner reads it, nobody else. */
class LogFileTests {

    @Test
    @DisabledOnOs(OS.WINDOWS) // POSIX permissions
    void aLogFileIsReadableByItsOwnerOnlyWhetherNewOrContinued(@TempDir Path directory) throws IOException {
        Path continued = Files.writeString(directory.resolve("restarted.log"), "before the restart" + System.lineSeparator());
        Files.setPosixFilePermissions(continued, PosixFilePermissions.fromString("rw-r--r--"));

        LogFile fresh = new LogFile(directory.resolve("x/pong.log"), false);
        LogFile again = new LogFile(continued, true);
        fresh.write("one");
        again.write("after the restart");
        fresh.close();
        again.close();

        assertThat(Files.readAllLines(fresh.path())).containsExactly("one");
        assertThat(Files.readAllLines(continued)).containsExactly("before the restart", "after the restart");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.path()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(continued))).isEqualTo("rw-------");
    }
}
