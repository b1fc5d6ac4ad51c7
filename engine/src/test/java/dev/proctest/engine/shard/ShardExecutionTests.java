package dev.proctest.engine.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.Constants;
import dev.proctest.engine.fixtures.NestedTestCase;
import dev.proctest.engine.fixtures.PassingTestCase;
import dev.proctest.engine.fixtures.TagsTestCase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** What the shards of a suite run, under a real launcher: each test once, a template's invocations together. */
class ShardExecutionTests {

    @Test
    void theShardsRunEveryTestOfTheSuiteOnceBetweenThem() {
        List<String> unsharded = run(null);
        List<String> all = new ArrayList<>();
        for (int index = 1; index <= 3; index++) {
            List<String> shard = run(index + "/3");
            assertThat(shard).as("shard %d/3", index).isNotEmpty().hasSizeLessThan(unsharded.size());
            all.addAll(shard);
        }
        assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(unsharded);
        assertThat(unsharded).anyMatch(id -> id.startsWith("[engine:proctest]"))
                .anyMatch(id -> id.contains("[test-template-invocation:#3]"))
                .anyMatch(id -> id.contains("[dynamic-test:#2]"));
    }

    @Test
    void aTemplatesInvocationsAndAFactorysTestsRunInTheShardOfTheirTemplateOrFactory() {
        for (String container : List.of("[test-template:template(int)]", "[test-factory:factory()]")) {
            Set<Integer> shards = new HashSet<>();
            for (int index = 1; index <= 3; index++) {
                if (run(index + "/3").stream().anyMatch(id -> id.contains(container))) {
                    shards.add(index);
                }
            }
            assertThat(shards).as(container).hasSize(1);
        }
    }

    private static List<String> run(String shard) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request().selectors(
                selectClass(JupiterShardTestCase.class), selectClass(PassingTestCase.class), selectClass(TagsTestCase.class),
                selectClass(NestedTestCase.Inner.class));
        if (shard != null) {
            request.configurationParameter(Constants.SHARD, shard);
        }
        List<String> passed = new ArrayList<>();
        LauncherFactory.create().execute(request.build(), new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
                if (identifier.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                    passed.add(identifier.getUniqueId());
                }
            }
        });
        return passed;
    }
}
