package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The calls that children made on the types their specs {@linkplain JavaChild#mock mock} or
 * {@linkplain JavaChild#spy spy on}. Inject it into a test for all of its children (and its
 * class's), or take one child's from {@link ChildProcess#calls()}.
 *
 * <pre>{@code
 * RecordedCall created = calls.awaitConstruction(BProc.class);
 * int port = created.argument(0, Integer.class);
 * ...
 * Mockito.verify(calls.mirror(BProc.class)).start();
 * }</pre>
 *
 * <p>proctest implements this type and hands it to tests; do not implement it yourself, as later
 * versions may add methods to it.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
@NotExtensible
public interface CallRecorder {

    /**
     * Returns the first call of {@code method} on {@code type}, waiting for it up to the recorder's
     * timeout ({@code proctest.await.timeout}, 10 s by default, or {@link #within}).
     *
     * @throws ChildProcessException if none comes in time, saying what calls were recorded instead
     */
    RecordedCall await(Class<?> type, String method);

    /** Returns the first construction of a {@code type}, waiting for it like {@link #await}. */
    RecordedCall awaitConstruction(Class<?> type);

    /** Returns the calls recorded so far on {@code type}, constructions included, in order. */
    List<RecordedCall> calls(Class<?> type);

    /** Returns every call recorded so far, in order within each child. */
    List<RecordedCall> calls();

    /** Returns this recorder with its own timeout for {@code await}. */
    CallRecorder within(Duration timeout);

    /**
     * Returns a local Mockito mock of {@code type} onto which every call recorded on that type
     * (on any instance) has been replayed, in order, and onto which later calls are replayed as
     * they arrive: verify it with {@code Mockito.verify}, {@code InOrder}, argument captors and
     * matchers, with Mockito's own failure messages; {@code verify(mirror, timeout(1000))} waits
     * for a call still on its way. Constructions and static calls are not replayed, nor are calls
     * of children started after the mirror was taken. Arguments that did not serialize are
     * replayed as {@code null} (or zero), and the mock's name, which Mockito's messages show,
     * lists them.
     */
    <T> T mirror(Class<T> type);
}
