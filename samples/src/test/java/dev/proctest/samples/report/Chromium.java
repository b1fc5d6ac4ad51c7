package dev.proctest.samples.report;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium, as Debian's package {@code chromium} installs it: loads a page from a file,
 * runs its scripts, and gives back the document they built, or a screenshot of it. Without
 * Chromium the tests that need it are skipped with a note, unless {@value #REQUIRED} is set.
 */
final class Chromium {

    /** The environment variable that makes a missing Chromium fail the test instead of skipping it. */
    static final String REQUIRED = "PROCTEST_REQUIRE_CHROMIUM";
    private static final long TIMEOUT_SECONDS = 90;

    private final Path executable;
    private final Path profile;

    private Chromium(Path executable, Path profile) {
        this.executable = executable;
        this.profile = profile;
    }

    /** Returns the Chromium on the PATH, or skips the calling test saying how to get one. */
    static Chromium find(Path profile) {
        Optional<Path> found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(directory -> List.of("chromium", "chromium-browser", "google-chrome").stream().map(name -> Path.of(directory, name)))
                .filter(Files::isExecutable).findFirst();
        String missing = "No headless Chromium on the PATH (Debian package chromium): the report was written but not loaded in a browser";
        if (found.isEmpty() && System.getenv(REQUIRED) != null) {
            fail(missing + ", and " + REQUIRED + " is set");
        }
        assumeTrue(found.isPresent(), missing);
        return new Chromium(found.get(), profile);
    }

    /** Loads {@code page}, runs its scripts and returns the document they made, as HTML. */
    String dom(Path page) throws IOException, InterruptedException {
        Path out = Files.createTempFile(profile.getParent(), "dom", ".html");
        run(out, "--dump-dom", page.toUri().toString());
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Loads {@code page} in a window {@code width} pixels wide and saves what it shows as {@code png}. */
    void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        run(null, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, page.toUri().toString());
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            fail("Chromium saved no screenshot of " + page + " as " + png);
        }
    }

    private void run(Path stdout, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath()));
        command.addAll(Arrays.asList(arguments));
        Path errors = Files.createTempFile(profile.getParent(), "chromium", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        Process process = builder.start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
            }
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        if (process.exitValue() != 0) {
            fail("Chromium exited with " + process.exitValue() + ": " + String.join(" ", command) + "\n" + Files.readString(errors));
        }
    }
}
