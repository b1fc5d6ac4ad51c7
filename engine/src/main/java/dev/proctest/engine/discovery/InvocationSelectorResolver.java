package dev.proctest.engine.discovery;

import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import dev.proctest.engine.descriptor.ProcessTestDescriptor;
import dev.proctest.engine.descriptor.TemplateDescriptor;
import java.util.Set;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves the unique id of one invocation of a parameterized or repeated test, {@code
 * [invocation:#2]} or {@code [repetition:#7]} below the test (or its transport), as an IDE's
 * re-run of a failed invocation gives it: the test runs that invocation only. The invocations
 * themselves are made when the test runs. A repetition's id of a test no longer repeated (run
 * without the {@code proctest.repeat} that repeated it) selects the test.
 */
final class InvocationSelectorResolver implements SelectorResolver {

    private static final Set<String> SEGMENT_TYPES =
            Set.of(TemplateDescriptor.INVOCATION_SEGMENT_TYPE, TemplateDescriptor.REPETITION_SEGMENT_TYPE);

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId uniqueId = selector.getUniqueId();
        if (!SEGMENT_TYPES.contains(uniqueId.getLastSegment().getType())) {
            return unresolved();
        }
        UniqueId test = uniqueId;
        while (SEGMENT_TYPES.contains(test.getLastSegment().getType())) {
            test = test.removeLastSegment(); // the test's own id, resolved as the parent: not all of it is selected
        }
        boolean repetitionOnly = uniqueId.removeLastSegment().equals(test)
                && TemplateDescriptor.REPETITION_SEGMENT_TYPE.equals(uniqueId.getLastSegment().getType());
        return context.resolve(DiscoverySelectors.selectUniqueId(test)).map(descriptor -> {
            if (descriptor instanceof TemplateDescriptor template) {
                template.filter().allow(uniqueId);
                return Resolution.match(Match.partial(template));
            }
            return descriptor instanceof ProcessTestDescriptor once && repetitionOnly ? Resolution.match(Match.exact(once)) : unresolved();
        }).orElseGet(Resolution::unresolved);
    }
}
