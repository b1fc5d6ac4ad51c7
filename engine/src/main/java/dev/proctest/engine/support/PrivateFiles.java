package dev.proctest.engine.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Makes the files in which children's lives are kept (logs, argument files, socket transcripts)
 * readable by their owner only. They hold class paths, options, and whatever the system under test
 * logs or sends, and CI machines are shared: by the umask, they would be readable by every user.
 */
@API(status = INTERNAL, since = "0.1")
public final class PrivateFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {}

    /**
     * Creates {@code file} and its directories if need be, readable and writable by the owner
     * only; a file that exists already, of an earlier run, is made so too. Returns {@code file},
     * for the caller to open.
     */
    public static Path prepare(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!POSIX) {
            return file;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        return file;
    }
}
