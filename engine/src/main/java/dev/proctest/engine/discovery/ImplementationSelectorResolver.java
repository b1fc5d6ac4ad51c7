package dev.proctest.engine.discovery;

import static java.util.stream.Collectors.toCollection;
import static org.junit.platform.commons.support.HierarchyTraversalMode.TOP_DOWN;
import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import dev.proctest.engine.descriptor.ClassTestDescriptor;
import dev.proctest.engine.descriptor.ProcessTestDescriptor;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
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
                .map(run -> Resolution.match(Match.exact(run, () -> testMethodSelectors(run))))
                .orElseGet(Resolution::unresolved);
    }

    private static Optional<ClassTestDescriptor> newDescriptor(TestDescriptor parent, String implementation) {
        if (!(parent instanceof ClassTestDescriptor repeated) || !repeated.implementations().contains(implementation)) {
            return Optional.empty();
        }
        return Optional.of(new ClassTestDescriptor(repeated, implementation));
    }

    private static Set<DiscoverySelector> testMethodSelectors(ClassTestDescriptor run) {
        return ReflectionSupport.streamMethods(run.getTestClass(), IsProcessTestMethod.INSTANCE, TOP_DOWN)
                .map(method -> DiscoverySelectors.selectUniqueId(run.getUniqueId().append(ProcessTestDescriptor.SEGMENT_TYPE,
                        ProcessTestDescriptor.segmentValue(method))))
                .collect(toCollection(LinkedHashSet::new));
    }
}
