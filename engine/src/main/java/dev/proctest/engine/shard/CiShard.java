package dev.proctest.engine.shard;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.platform.commons.JUnitException;

/**
 * The shard of a CI job that its CI split into parallel copies, from the variables the CI sets:
 * GitLab's {@code parallel} ({@code CI_NODE_INDEX} from 1, {@code CI_NODE_TOTAL}), Buildkite's
 * {@code parallelism} ({@code BUILDKITE_PARALLEL_JOB} from 0, {@code BUILDKITE_PARALLEL_JOB_COUNT})
 * and CircleCI's {@code parallelism} ({@code CIRCLE_NODE_INDEX} from 0, {@code CIRCLE_NODE_TOTAL}).
 */
final class CiShard {

    /** One CI's pair of variables, and the number its first job has. */
    private record Variables(String ci, String index, String total, int first) {

        String describe() {
            return index + " and " + total + " (" + ci + ", from " + first + ")";
        }
    }

    private static final List<Variables> KNOWN = List.of(
            new Variables("GitLab", "CI_NODE_INDEX", "CI_NODE_TOTAL", 1),
            new Variables("Buildkite", "BUILDKITE_PARALLEL_JOB", "BUILDKITE_PARALLEL_JOB_COUNT", 0),
            new Variables("CircleCI", "CIRCLE_NODE_INDEX", "CIRCLE_NODE_TOTAL", 0));

    private CiShard() {}

    /**
     * The shard the first CI whose total is set names; a job its CI did not split (a total of 1
     * and no index, as GitLab sets it) is shard 1/1.
     *
     * @throws JUnitException if no CI's total is set, or its variables name no shard
     */
    static Shard from(Function<String, String> environment) {
        for (Variables variables : KNOWN) {
            String total = environment.apply(variables.total());
            if (total == null) {
                continue;
            }
            String index = environment.apply(variables.index());
            if (index == null && total.strip().equals("1")) {
                return new Shard(1, 1);
            }
            return parse(variables, index, total).orElseThrow(() -> new JUnitException(String.format(
                    "Configuration parameter %s is [ci], but %s=[%s] and %s=[%s] name no shard: %s numbers"
                            + " its parallel jobs from %d to %s%s",
                    ShardSetting.KEY, variables.index(), index == null ? "" : index, variables.total(), total,
                    variables.ci(), variables.first(), variables.total(), variables.first() == 0 ? " - 1" : "")));
        }
        throw new JUnitException(String.format(
                "Configuration parameter %s is [ci], but no CI variables name a shard: expected %s; or give i/n",
                ShardSetting.KEY, KNOWN.stream().map(Variables::describe).collect(Collectors.joining(", or "))));
    }

    private static Optional<Shard> parse(Variables variables, String index, String total) {
        if (index == null) {
            return Optional.empty();
        }
        try {
            return Shard.of(Integer.parseInt(index.strip()) - variables.first() + 1, Integer.parseInt(total.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
