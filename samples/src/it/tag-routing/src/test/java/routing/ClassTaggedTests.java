package routing;

import dev.proctest.ProcessTest;
import org.junit.jupiter.api.Tag;

@Tag("slow")
class ClassTaggedTests {

    @ProcessTest
    void slowProcessPasses() {}
}
