package dev.proctest.engine.sockets;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * How frames and lines are shown in transcripts and messages: as quoted text when they are UTF-8
 * without control characters (JSON is text, and shows as such), else as hex; long ones cut short
 * with their size.
 */
final class Frames {

    static final int SHOWN_CHARS = 300;
    private static final int SHOWN_BYTES = 64;

    /** How much of a frame is decoded to show it: more than its shown characters can take. */
    private static final int LOOKED_AT_BYTES = 4 * SHOWN_CHARS + 64;

    private Frames() {}

    /** Renders a message: {@code ["ping", 0x00ff]}. */
    static String render(List<byte[]> frames) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < frames.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(render(frames.get(i)));
        }
        return text.append(']').toString();
    }

    /**
     * Renders one frame or line: {@code "text"}, or {@code 0x0a0b...} when it is not text. A long
     * one is judged and shown by its first {@value #LOOKED_AT_BYTES} bytes: decoding megabytes to
     * show 300 characters of them costs a send or a failure message seconds on a busy machine.
     */
    static String render(byte[] bytes) {
        if (bytes.length <= LOOKED_AT_BYTES) {
            return text(bytes).map(Frames::quote).orElseGet(() -> hex(bytes));
        }
        return start(bytes).map(start -> '"' + cut(escape(start)) + "\"... (" + bytes.length + " bytes)").orElseGet(() -> hex(bytes));
    }

    /** Returns the first {@value #LOOKED_AT_BYTES} bytes as text, like {@link #text}, a character cut at their end left out. */
    private static Optional<String> start(byte[] bytes) {
        CharBuffer chars = CharBuffer.allocate(LOOKED_AT_BYTES);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, LOOKED_AT_BYTES), chars, false);
        if (result.isError()) {
            return Optional.empty();
        }
        return controlFree(chars.flip().toString());
    }

    /** Returns the bytes as text if they are UTF-8 without control characters other than tab, CR and LF. */
    static Optional<String> text(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        return controlFree(text);
    }

    private static Optional<String> controlFree(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\n') {
                return Optional.empty();
            }
        }
        return Optional.of(text);
    }

    /** Renders bytes as hex, the first {@value #SHOWN_BYTES} of them, with the size when cut. */
    static String hex(byte[] bytes) {
        if (bytes.length == 0) {
            return "0x (empty)";
        }
        int shown = Math.min(bytes.length, SHOWN_BYTES);
        String hex = "0x" + HexFormat.of().formatHex(bytes, 0, shown);
        return shown < bytes.length ? hex + "... (" + bytes.length + " bytes)" : hex;
    }

    private static String quote(String text) {
        String escaped = escape(text);
        return escaped.length() <= SHOWN_CHARS ? '"' + escaped + '"' : '"' + cut(escaped) + "\"... (" + text.length() + " chars)";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    private static String cut(String escaped) {
        return escaped.substring(0, Math.min(escaped.length(), SHOWN_CHARS));
    }
}
