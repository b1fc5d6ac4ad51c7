package dev.proctest.engine.logs;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * What the failure messages that show a child's log tail say of its virtual clock: its reading,
 * how long it has not moved and why, read in the child when a message is written, never before.
 * Says nothing for a child on another clock.
 */
@API(status = INTERNAL, since = "0.4")
public final class ClockNote {

    private volatile Supplier<String> source = () -> "";

    /** Reads the note from {@code newSource} from now on; it returns an empty string when it has nothing to say. */
    public void readFrom(Supplier<String> newSource) {
        this.source = newSource;
    }

    /** The note, or an empty string. */
    public String read() {
        return source.get();
    }

    /** The note as a line of a failure message about {@code child}, or an empty string. */
    public String line(String child) {
        String note = read();
        return note.isEmpty() ? "" : "\nChild '" + child + "': " + note;
    }
}
