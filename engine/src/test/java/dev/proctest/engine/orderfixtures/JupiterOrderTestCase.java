package dev.proctest.engine.orderfixtures;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Jupiter's own tests with the names of {@link EightTests}': the order Jupiter gives them, by default and at random. */
public class JupiterOrderTestCase {

    public static class ByDefault {

        @Test
        void one() {}

        @Test
        void two() {}

        @Test
        void three() {}

        @Test
        void four() {}

        @Test
        void five() {}

        @Test
        void six() {}

        @Test
        void seven() {}

        @Test
        void eight() {}
    }

    @TestMethodOrder(MethodOrderer.Random.class)
    public static class AtRandom extends ByDefault {}
}
