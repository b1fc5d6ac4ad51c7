package dev.proctest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The implementation a run of an {@link Implementations} class tests: inject it into the class's
 * lifecycle methods and tests to start the right program.
 *
 * @param name as {@link Implementations} lists it: {@code python}
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record Implementation(String name) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    /**
     * @throws IllegalArgumentException if {@code name} is empty, has characters other than letters,
     *     digits, '.', '_' and '-', or is only dots
     */
    public Implementation {
        if (name == null || !NAME.matcher(name).matches() || name.chars().allMatch(c -> c == '.')) { // "..": a directory above
            throw new IllegalArgumentException("An implementation's name is made of letters, digits, '.', '_' and '-', was ["
                    + name + "]");
        }
    }

    /** Returns the name. */
    @Override
    public String toString() {
        return name;
    }
}
