package dev.proctest.engine.discovery;

import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import dev.proctest.engine.descriptor.ClassTestDescriptor;
import java.util.Optional;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves {@code [implementation:python]} unique ids into the run of an {@code @Implementations}
 * class for that implementation, below the class: selecting the class selects each run, and a
 * re-run of one implementation's failures selects only its run.
 */
final class ImplementationSelectorResolver implements SelectorResolver {

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId uniqueId = selector.getUniqueId();
        UniqueId.Segment last = uniqueId.getLastSegment();
        if (!ClassTestDescriptor.IMPLEMENTATION_SEGMENT_TYPE.equals(last.getType())) {
            return unresolved();
        }
        return context.addToParent(() -> DiscoverySelectors.selectUniqueId(uniqueId.removeLastSegment()),
                        parent -> newDescriptor(parent, last.getValue()))
                .map(run -> Resolution.match(Match.exact(run, () -> ClassMembers.selectors(run))))
                .orElseGet(Resolution::unresolved);
    }

    private static Optional<ClassTestDescriptor> newDescriptor(TestDescriptor parent, String implementation) {
        if (!(parent instanceof ClassTestDescriptor repeated) || !repeated.implementations().contains(implementation)) {
            return Optional.empty();
        }
        return Optional.of(new ClassTestDescriptor(repeated, implementation));
    }
}
