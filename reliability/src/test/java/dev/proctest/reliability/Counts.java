package dev.proctest.reliability;

/**
 * How much of each fault the suite inflicts: a short count in every build, so that the figures stay
 * true, and the long count of docs/reliability.md under the {@code reliability} profile.
 */
public final class Counts {

    /** Set by the build: true under the {@code reliability} profile. */
    public static final boolean LONG = Boolean.getBoolean("proctest.reliability.long");

    private Counts() {}

    /** Returns {@code longCount} under the {@code reliability} profile, else {@code shortCount}. */
    public static int of(int shortCount, int longCount) {
        return LONG ? longCount : shortCount;
    }
}
