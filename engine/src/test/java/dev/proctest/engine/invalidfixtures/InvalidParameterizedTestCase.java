package dev.proctest.engine.invalidfixtures;

import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Repeated;
import java.time.LocalDate;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.converter.JavaTimeConversionPattern;
import org.junit.jupiter.params.provider.ValueSource;

public class InvalidParameterizedTestCase {

    @ProcessTest
    @ValueSource(ints = 3)
    void injectedFirst(Processes processes, int nodes) {}

    @ProcessTest
    @ValueSource(strings = "01.12.2026")
    void converted(@JavaTimeConversionPattern("dd.MM.yyyy") LocalDate day) {}

    @ProcessTest
    @ParameterizedTest
    @ValueSource(ints = 3)
    void alsoJupiterTemplate(int nodes) {}

    @ProcessTest
    @RepeatedTest(3)
    void alsoJupiterRepeated() {}

    @ProcessTest
    @Repeated(value = 0, failureThreshold = 0)
    void neverRepeated() {}

    @ProcessTest
    @Repeated(value = 2, failureThreshold = 2)
    void thresholdNeverReached() {}
}
