package dev.proctest.engine;

import static dev.proctest.engine.ProcTestKit.discover;
import static dev.proctest.engine.ProcTestKit.engine;
import static dev.proctest.engine.ProcTestKit.issues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.engine.fixtures.InvalidTagTestCase;
import dev.proctest.engine.fixtures.TagsTestCase;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.Event;

/** Tags come from the test annotation and Jupiter's {@code @Tag}s, and select tests as in Jupiter. */
class TagTests {

    @Test
    void testsCarryTheirAnnotationsTagsTheirOwnTagsAndTheirClasssTags() {
        TestDescriptor testClass = discover(selectClass(TagsTestCase.class)).getChildren().iterator().next();

        assertThat(names(testClass.getTags())).containsExactlyInAnyOrder("pingpong", "inherited");
        Map<String, Set<String>> tagsByTest = testClass.getChildren().stream().collect(Collectors.toMap(
                test -> ((MethodSource) test.getSource().orElseThrow()).getMethodName(), test -> names(test.getTags())));
        assertThat(tagsByTest).containsOnly(
                Map.entry("processTest", Set.of("process", "pingpong", "inherited")),
                Map.entry("systemTest", Set.of("system", "slow", "nightly", "pingpong", "inherited")),
                Map.entry("composedTest", Set.of("process", "smoke", "pingpong", "inherited")));
    }

    @Test
    void tagExpressionsSelectTestsByTheirTags() {
        assertThat(runTestsMatching(TagFilter.includeTags("system"))).containsExactly("systemTest");
        assertThat(runTestsMatching(TagFilter.includeTags("process"))).containsExactlyInAnyOrder("processTest", "composedTest");
        assertThat(runTestsMatching(TagFilter.includeTags("pingpong & !slow"))).containsExactlyInAnyOrder("processTest", "composedTest");
        assertThat(runTestsMatching(TagFilter.excludeTags("process"))).containsExactly("systemTest");
        assertThat(runTestsMatching(TagFilter.includeTags("inherited")))
                .containsExactlyInAnyOrder("processTest", "systemTest", "composedTest");
        assertThat(runTestsMatching(TagFilter.includeTags("unit"))).isEmpty();
    }

    @Test
    void invalidTagIsAWarningNamingTheTagAndTheTestStillRunsWithoutIt() {
        assertThat(issues(selectClass(InvalidTagTestCase.class))).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(Severity.WARNING);
            assertThat(issue.message()).startsWith("Invalid tag syntax in @Tag(\"needs network\") on void "
                    + InvalidTagTestCase.class.getName() + ".test()").endsWith("The tag is ignored.");
            assertThat(issue.source()).containsInstanceOf(MethodSource.class);
        });
        TestDescriptor test = discover(selectClass(InvalidTagTestCase.class)).getDescendants().stream()
                .filter(TestDescriptor::isTest).findFirst().orElseThrow();
        assertThat(names(test.getTags())).containsExactlyInAnyOrder("process", "valid");
        engine(selectClass(InvalidTagTestCase.class)).execute().testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    private static Set<String> runTestsMatching(PostDiscoveryFilter filter) {
        return engine(selectClass(TagsTestCase.class)).filters(filter).execute().testEvents().started().stream()
                .map(Event::getTestDescriptor)
                .map(test -> ((MethodSource) test.getSource().orElseThrow()).getMethodName())
                .collect(Collectors.toSet());
    }

    private static Set<String> names(Set<TestTag> tags) {
        return tags.stream().map(TestTag::getName).collect(Collectors.toSet());
    }
}
