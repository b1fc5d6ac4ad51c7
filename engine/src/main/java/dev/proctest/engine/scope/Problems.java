package dev.proctest.engine.scope;

import java.util.List;

/** What went wrong while a scope closed or checked its children: gathered, then thrown as one. */
final class Problems {

    private Problems() {}

    /** Closes each of {@code closeables} that is not null, in order, whatever the others threw; adds what they threw to {@code problems}. */
    static void closeEach(List<RuntimeException> problems, AutoCloseable... closeables) {
        for (AutoCloseable closeable : closeables) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (RuntimeException e) {
                    problems.add(e);
                } catch (Exception e) {
                    problems.add(new IllegalStateException(e));
                }
            }
        }
    }

    /** Throws the first of {@code problems} with the others suppressed, if there is one. */
    static void throwFirst(List<RuntimeException> problems) {
        if (!problems.isEmpty()) {
            RuntimeException first = problems.get(0);
            problems.subList(1, problems.size()).forEach(first::addSuppressed);
            throw first;
        }
    }
}
