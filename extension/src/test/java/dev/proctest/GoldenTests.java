package dev.proctest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** Golden files: a match passes, a mismatch shows a diff, a missing file says how to make it, the update flag writes it. */
class GoldenTests {

    @TempDir
    Path golden;

    @Test
    void matchingOutputPassesWhateverItsLineEndings() throws Exception {
        Files.writeString(golden.resolve("pingpong.out"), "Pinging 1\r\nPong 1\r\n");

        Golden.assertMatches(golden, false, "pingpong.out", "Pinging 1\nPong 1\n");
        Golden.assertMatches(golden, false, "pingpong.out", "Pinging 1\r\nPong 1\r\n");
    }

    @Test
    void editedGoldenFileFailsWithAUnifiedDiff() throws Exception {
        Files.writeString(golden.resolve("pingpong.out"), "Pinging 1\nPong 1\nPinging 2\nPong 2\n");

        assertThatThrownBy(() -> Golden.assertMatches(golden, false, "pingpong.out", "Pinging 1\nPong 1\nPinging 2\nPang 2\n"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("The output differs from the golden file " + golden.resolve("pingpong.out").toAbsolutePath() + " (- golden, +"
                        + " actual; if the change is right, run with -Dproctest.golden.update=true):\n"
                        + "--- golden/pingpong.out\n+++ actual\n@@ -1,5 +1,5 @@\n Pinging 1\n Pong 1\n Pinging 2\n-Pong 2\n+Pang 2\n ")
                .satisfies(failure -> {
                    AssertionFailedError assertion = (AssertionFailedError) failure;
                    assertThat(assertion.getExpected().getValue()).isEqualTo("Pinging 1\nPong 1\nPinging 2\nPong 2\n");
                    assertThat(assertion.getActual().getValue()).isEqualTo("Pinging 1\nPong 1\nPinging 2\nPang 2\n");
                });
    }

    @Test
    void missingGoldenFileFailsWithTheOutputAndHowToCreateIt() {
        assertThatThrownBy(() -> Golden.assertMatches(golden, false, "new.out", "hello\n"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("There is no golden file " + golden.resolve("new.out").toAbsolutePath() + ". To create it from this output, run"
                        + " the test with -Dproctest.golden.update=true and review it. The output was:\nhello\n");
    }

    @Test
    void updateFlagWritesTheGoldenFileNormalisedAndTheNextRunMatches() throws Exception {
        Golden.assertMatches(golden, true, "sub/dir/new.out", "one\r\ntwo\r\n");

        assertThat(Files.readString(golden.resolve("sub/dir/new.out"), StandardCharsets.UTF_8)).isEqualTo("one\ntwo\n");
        Golden.assertMatches(golden, false, "sub/dir/new.out", "one\ntwo\n");
    }

    @Test
    void settingsComeFromSystemProperties() throws Exception {
        String dir = System.getProperty(Constants.GOLDEN_DIR);
        String update = System.getProperty(Constants.GOLDEN_UPDATE);
        try {
            System.setProperty(Constants.GOLDEN_DIR, golden.toString());
            System.setProperty(Constants.GOLDEN_UPDATE, "true");
            Golden.assertMatches("set.out", "written\n");
            System.setProperty(Constants.GOLDEN_UPDATE, "false");
            Golden.assertMatches("set.out", "written\n");
            assertThatThrownBy(() -> Golden.assertMatches("set.out", "changed\n")).isInstanceOf(AssertionFailedError.class);
        } finally {
            restore(Constants.GOLDEN_DIR, dir);
            restore(Constants.GOLDEN_UPDATE, update);
        }
        assertThat(golden.resolve("set.out")).hasContent("written");
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void namesOutsideTheGoldenDirectoryAreRefused() {
        assertThatThrownBy(() -> Golden.assertMatches(golden, false, "../escape.out", "x"))
                .hasMessage("A golden file's name is a path inside the golden directory, was [../escape.out]");
    }
}
