package dev.proctest.engine.process;

import static dev.proctest.engine.ProcTestKit.engine;
import static dev.proctest.engine.ProcTestKit.execute;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.Constants;
import dev.proctest.engine.Outcomes;
import dev.proctest.engine.processfixtures.VirtualClockStillTestCase;
import dev.proctest.engine.processfixtures.VirtualHysteresisTestCase;
import dev.proctest.engine.processfixtures.VirtualTimeBackPressureTestCase;
import dev.proctest.engine.processfixtures.VirtualThreadsTestCase;
import dev.proctest.engine.processfixtures.VirtualTimeAdvanceTestCase;
import dev.proctest.engine.processfixtures.VirtualTimeIoTestCase;
import dev.proctest.engine.processfixtures.VirtualTimeKernelTestCase;
import dev.proctest.engine.processfixtures.VirtualTimeOutsideTestCase;
import dev.proctest.engine.processfixtures.VirtualTimeTestCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/** A virtual clock stands still while the system under test runs and jumps to the next deadline when it waits. */
class VirtualTimeTests {

    @Test
    void everyWaitReadsExactlyItsLengthAndTheClockJumpsFromDeadlineToDeadline() {
        Outcomes.assertAllPassed(execute(selectClass(VirtualTimeTestCase.class)), 9);
    }

    @Test
    void aHysteresisSwitchesExactlyOnTheControlPeriodWhileAnotherChildKeepsACoreBusy() {
        Outcomes.assertAllPassed(execute(selectClass(VirtualHysteresisTestCase.class)), 1);
    }

    @Test
    void theTestStepsAVirtualClockDeadlineByDeadline() {
        Outcomes.assertAllPassed(engine(selectClass(VirtualTimeAdvanceTestCase.class)).configurationParameter(
                Constants.TIME_VIRTUAL_GRACE, "1h").execute(), 5);
    }

    @Test
    void aWaitThatTimesOutSaysWhatKeepsTheClockFromMoving() {
        Outcomes.assertAllPassed(execute(selectClass(VirtualClockStillTestCase.class)), 3);
    }

    @Test
    void aThreadThatWaitsForTheTestAtABarrierAMailboxOrForAnAnswerHoldsTheClockForTheGrace() {
        Outcomes.assertAllPassed(engine(selectClass(VirtualTimeOutsideTestCase.class)).configurationParameter(
                Constants.TIME_VIRTUAL_GRACE, "2s").execute(), 4);
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void virtualThreadsSleepExactlyAndHoldTheClockWhileTheyCompute() {
        Outcomes.assertAllPassed(execute(selectClass(VirtualThreadsTestCase.class)), 1);
    }

    @Test
    void aThreadThatWaitsForTheChannelToTakeWhatItReportsHoldsTheClock() {
        Outcomes.assertAllPassed(execute(selectClass(VirtualTimeBackPressureTestCase.class)), 1);
    }

    @Test
    void aThreadBlockedInASocketReadHoldsTheClockForTheGrace() {
        Outcomes.assertAllPassed(engine(selectClass(VirtualTimeIoTestCase.class)).configurationParameter(Constants.TIME_VIRTUAL_GRACE,
                "500ms").execute(), 1);
    }

    @Test
    void aThreadBlockedInTheKernelOtherThanForInputHoldsTheClockForASecondAtMost() {
        Outcomes.assertAllPassed(execute(selectClass(VirtualTimeKernelTestCase.class)), 3);
    }
}
