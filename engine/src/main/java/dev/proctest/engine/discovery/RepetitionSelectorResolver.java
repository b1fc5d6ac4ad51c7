package dev.proctest.engine.discovery;

import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import dev.proctest.Transport;
import dev.proctest.engine.descriptor.ProcessTestDescriptor;
import dev.proctest.engine.descriptor.TransportsDescriptor;
import java.util.Arrays;
import java.util.Optional;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves {@code [transport:tcp]} unique ids into the repetition of a {@code @Transports} test
 * over that transport, below the test's container: selecting the method selects each, and a
 * re-run of one failed repetition selects only it.
 */
final class RepetitionSelectorResolver implements SelectorResolver {

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId uniqueId = selector.getUniqueId();
        UniqueId.Segment last = uniqueId.getLastSegment();
        if (!ProcessTestDescriptor.TRANSPORT_SEGMENT_TYPE.equals(last.getType())) {
            return unresolved();
        }
        Optional<Transport> transport = Arrays.stream(Transport.values()).filter(t -> t.label().equals(last.getValue())).findFirst();
        if (transport.isEmpty()) {
            return unresolved();
        }
        return context.addToParent(() -> DiscoverySelectors.selectUniqueId(uniqueId.removeLastSegment()),
                        parent -> newDescriptor(parent, transport.get()))
                .map(descriptor -> Resolution.match(Match.exact(descriptor)))
                .orElseGet(Resolution::unresolved);
    }

    private static Optional<ProcessTestDescriptor> newDescriptor(TestDescriptor parent, Transport transport) {
        if (!(parent instanceof TransportsDescriptor repeated) || !repeated.transports().contains(transport)) {
            return Optional.empty();
        }
        return Optional.of(new ProcessTestDescriptor(ProcessTestDescriptor.repetitionId(parent.getUniqueId(), transport), repeated, transport));
    }
}
