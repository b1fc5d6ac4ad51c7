package dev.proctest.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctest.engine.support.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the files of a report: its pages, with their facts as JSON inside, and the script and
 * style sheet every page shares at the report's root. Each file is written whole, then moved into
 * place, so that a reader never sees half of one.
 */
final class ReportFiles {

    static final String SCRIPT = "proctest-report.js";
    static final String STYLE = "proctest-report.css";
    /** The version of the facts' shape, which the script checks: a report of an older proctest is not misdrawn. */
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportFiles() {}

    /**
     * Returns {@code facts} as JSON that is safe inside an HTML {@code script} element: every
     * {@code <}, which appears only inside strings, is escaped, so no text of a child closes it.
     */
    static String json(Object facts) {
        try {
            return JSON.writeValueAsString(facts).replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the report's facts as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes a page that shows {@code facts} with the shared script, {@code root} being the report's root. */
    static void page(Path file, Path root, String title, Object facts) {
        String up = relative(file.getParent(), root);
        write(file, "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title) + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + up + STYLE + "\">\n</head>\n<body>\n"
                + "<script type=\"application/json\" id=\"proctest-facts\">" + json(facts) + "</script>\n"
                + "<script src=\"" + up + SCRIPT + "\"></script>\n</body>\n</html>\n");
        assets(root);
    }

    /** Writes the shared script and style sheet into {@code root} if they are not there, or not these. */
    static void assets(Path root) {
        for (String asset : new String[] {SCRIPT, STYLE}) {
            String content = resource(asset);
            Path file = root.resolve(asset);
            try {
                if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
                    write(file, content);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
    }

    /** Writes {@code content} to {@code file} through a file beside it, moved into place. */
    static void write(Path file, String content) {
        Path temporary = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + "." + Thread.currentThread().getId() + ".tmp");
        try {
            Files.writeString(PrivateFiles.prepare(temporary), content, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary); // a failed write leaves nothing half-written beside the report
            } catch (IOException ignored) {
                e.addSuppressed(ignored);
            }
            throw new UncheckedIOException("Cannot write the report file " + file + ": " + e, e);
        }
    }

    /** The path from {@code directory} up to {@code root}, ending in a slash, or empty if they are the same. */
    static String relative(Path directory, Path root) {
        String path = directory.toAbsolutePath().normalize().relativize(root.toAbsolutePath().normalize()).toString().replace('\\', '/');
        return path.isEmpty() ? "" : path + "/";
    }

    /** The path of {@code file} from {@code directory}, with slashes, for a link. */
    static String link(Path directory, Path file) {
        return directory.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = ReportFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The proctest engine jar lacks its report resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the report resource " + name, e);
        }
    }
}
