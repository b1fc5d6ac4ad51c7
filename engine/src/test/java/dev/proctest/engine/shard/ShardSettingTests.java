package dev.proctest.engine.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What each value of {@code proctest.shard} does to a real launcher's discovery: a shard, every
 * test, or an error that fails the run, naming the key, the value and what is expected.
 */
class ShardSettingTests {

    @ParameterizedTest
    @ValueSource(strings = {"0/3", "4/3", "a/b", "3", "1/0", "-1/3", "1/3/5", "", " "})
    void aValueThatNamesNoShardFailsTheDiscovery(String value) {
        assertThatThrownBy(() -> Suites.leaves(value)).isInstanceOf(JUnitException.class)
                .hasMessageStartingWith("Configuration parameter proctest.shard must be i/n, shard i of n with 1 <= i <= n"
                        + " (such as 2/4), or ci, the shard the CI's variables name; was [" + value + "]");
    }

    @Test
    void aShardThatDoesNotExistSaysWhichDo() {
        assertThatThrownBy(() -> Suites.leaves("4/3")).hasMessageEndingWith("was [4/3]: its shards are 1/3 to 3/3");
        assertThatThrownBy(() -> Suites.leaves("1/0")).hasMessageEndingWith("was [1/0]: a suite splits into 1 shard or more");
    }

    @Test
    void spacesAroundAShardDoNotMatter() {
        assertThat(Suites.leaves(" 2/3 ")).isEqualTo(Suites.leaves("2/3"));
    }

    @Test
    void ciTakesTheShardFromGitLabsParallelCountingFromOne() {
        assertThat(leaves("ci", Map.of("CI_NODE_INDEX", "2", "CI_NODE_TOTAL", "3"))).isEqualTo(Suites.leaves("2/3"));
    }

    @Test
    void ciTakesTheShardFromBuildkiteCountingFromZero() {
        assertThat(leaves("ci", Map.of("BUILDKITE_PARALLEL_JOB", "1", "BUILDKITE_PARALLEL_JOB_COUNT", "3")))
                .isEqualTo(Suites.leaves("2/3"));
    }

    @Test
    void ciTakesTheShardFromCircleCiCountingFromZero() {
        assertThat(leaves("CI", Map.of("CIRCLE_NODE_INDEX", "0", "CIRCLE_NODE_TOTAL", "3"))).isEqualTo(Suites.leaves("1/3"));
    }

    @Test
    void ciInAGitLabJobThatIsNotSplitRunsEveryTest() {
        assertThat(leaves("ci", Map.of("CI_NODE_TOTAL", "1"))).isEqualTo(Suites.leaves(null));
    }

    @Test
    void ciWithoutTheVariablesOfAnyCiFailsNamingThem() {
        assertThatThrownBy(() -> leaves("ci", Map.of("CI", "true"))).isInstanceOf(JUnitException.class)
                .hasMessage("Configuration parameter proctest.shard is [ci], but no CI variables name a shard: expected"
                        + " CI_NODE_INDEX and CI_NODE_TOTAL (GitLab, from 1), or BUILDKITE_PARALLEL_JOB and"
                        + " BUILDKITE_PARALLEL_JOB_COUNT (Buildkite, from 0), or CIRCLE_NODE_INDEX and CIRCLE_NODE_TOTAL"
                        + " (CircleCI, from 0); or give i/n");
    }

    @Test
    void ciWithVariablesThatNameNoShardFailsShowingThem() {
        assertThatThrownBy(() -> leaves("ci", Map.of("BUILDKITE_PARALLEL_JOB", "3", "BUILDKITE_PARALLEL_JOB_COUNT", "3")))
                .hasMessage("Configuration parameter proctest.shard is [ci], but BUILDKITE_PARALLEL_JOB=[3] and"
                        + " BUILDKITE_PARALLEL_JOB_COUNT=[3] name no shard: Buildkite numbers its parallel jobs from 0 to"
                        + " BUILDKITE_PARALLEL_JOB_COUNT - 1");
        assertThatThrownBy(() -> leaves("ci", Map.of("CI_NODE_TOTAL", "4")))
                .hasMessageContaining("CI_NODE_INDEX=[] and CI_NODE_TOTAL=[4] name no shard");
    }

    @Test
    void theCiVariablesAloneShardNothing() {
        assertThat(leaves(null, Map.of("CI_NODE_INDEX", "1", "CI_NODE_TOTAL", "2"))).isEqualTo(Suites.leaves(null));
    }

    /** A launcher that does not load discovery listeners: the service-loaded filter reads the system property. */
    @Test
    void underALauncherWithoutDiscoveryListenersTheSystemPropertyNamesTheShard() {
        ShardFilter filter = new ShardFilter(Map.of("proctest.shard", "2/3")::get);
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder().enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false).addPostDiscoveryFilters(filter).build());
        Set<String> shard = Suites.leaves(launcher, Suites.suite(null));
        assertThat(shard).isEqualTo(Suites.leaves("2/3")).isNotEqualTo(Suites.leaves(null));
    }

    /** The launcher's own discovery listeners stand aside; this one reads the given environment. */
    private static Set<String> leaves(String shard, Map<String, String> environment) {
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder().enableLauncherDiscoveryListenerAutoRegistration(false)
                .addLauncherDiscoveryListeners(new ShardDiscoveryListener(environment::get)).build());
        return Suites.leaves(launcher, Suites.suite(shard));
    }
}
