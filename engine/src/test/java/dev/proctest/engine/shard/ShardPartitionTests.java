package dev.proctest.engine.shard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The shards of a suite of Jupiter and proctest tests, each discovered by a launcher that loads the
 * filter as a service, split it exactly: every test in one shard, the same one every time.
 */
class ShardPartitionTests {

    private static final Set<String> SUITE = Suites.leaves(null);

    @Test
    void theSuiteHasTestsOfBothEnginesAndJupiterTemplatesAndFactories() {
        assertThat(SUITE).anyMatch(id -> id.startsWith("[engine:proctest]"))
                .anyMatch(id -> id.startsWith("[engine:junit-jupiter]") && id.contains("[test-template:template(int)]"))
                .anyMatch(id -> id.contains("[test-factory:factory()]"))
                .anyMatch(id -> id.contains("[nested-class:Inner]/[method:seven()]"))
                .hasSizeGreaterThan(30);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7})
    void theShardsPartitionTheSuite(int total) {
        Set<String> seen = new HashSet<>();
        for (int index = 1; index <= total; index++) {
            Set<String> shard = Suites.leaves(index + "/" + total);
            for (String id : shard) {
                assertThat(seen.add(id)).as("%s is in shard %d/%d and in an earlier one", id, index, total).isTrue();
                assertThat(Shard.shardOf(id, total)).as(id).isEqualTo(index);
            }
            if (total > 1) {
                assertThat(shard).as("shard %d/%d", index, total).isNotEmpty().hasSizeLessThan(SUITE.size());
            }
        }
        assertThat(seen).isEqualTo(SUITE);
    }

    @Test
    void aShardIsTheSameInEveryDiscovery() {
        assertThat(Suites.leaves("2/3")).isEqualTo(Suites.leaves("2/3"));
    }

    @Test
    void aClassWithNoTestsInTheShardIsNotInItsPlan() {
        for (int index = 1; index <= 7; index++) {
            Set<String> shard = Suites.leaves(index + "/7");
            assertThat(shard).as("shard %d/7", index).noneMatch(id -> id.endsWith("]") && isClass(id));
        }
    }

    /** The shard of a unique id is the one its SHA-256 names, as {@code sha256sum} computes it too. */
    @Test
    void theHashIsTheFirstEightBytesOfTheIdsSha256ModuloTheTotal() {
        String id = "[engine:proctest]/[class:com.example.ClusterTests]/[method:survivesLeaderKill()]";
        // printf '%s' "$id" | sha256sum starts with 5ae92b2f9662882c
        long h = Long.parseUnsignedLong("5ae92b2f9662882c", 16);
        for (int total : new int[] {2, 3, 4, 7}) {
            assertThat(Shard.shardOf(id, total)).isEqualTo((int) Long.remainderUnsigned(h, total) + 1);
        }
        assertThat(new int[] {Shard.shardOf(id, 2), Shard.shardOf(id, 3), Shard.shardOf(id, 4), Shard.shardOf(id, 7)})
                .containsExactly(1, 2, 1, 3);
    }

    private static boolean isClass(String id) {
        String last = id.substring(id.lastIndexOf("/[") + 1);
        return last.startsWith("[class:") || last.startsWith("[nested-class:");
    }
}
