package dev.proctest.engine.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** An argument file holds a child's class path and options: its owner reads it, nobody else. */
class ArgFileTests {

    @Test
    @DisabledOnOs(OS.WINDOWS) // POSIX permissions
    void anArgumentFileIsReadableByItsOwnerOnlyAlsoWhenItWasThereBefore(@TempDir Path directory) throws IOException {
        Path fresh = directory.resolve("a/b/child.args");
        Path earlier = Files.writeString(directory.resolve("old.args"), "from an earlier run");
        Files.setPosixFilePermissions(earlier, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(ArgFile.write(fresh, List.of("-cp", "x y"))).isEqualTo("@" + fresh);
        ArgFile.write(earlier, List.of("-Xmx64m"));

        assertThat(Files.readString(fresh)).isEqualTo("\"-cp\"" + System.lineSeparator() + "\"x y\"" + System.lineSeparator());
        assertThat(Files.readString(earlier)).isEqualTo("\"-Xmx64m\"" + System.lineSeparator());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(earlier))).isEqualTo("rw-------");
    }
}
