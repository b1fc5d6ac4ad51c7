package dev.proctest.engine.discovery;

import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import dev.proctest.Transport;
import dev.proctest.engine.descriptor.ProcessTestDescriptor;
import dev.proctest.engine.descriptor.TemplateDescriptor;
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
 * re-run of one failed repetition selects only it. A parameterized or repeated test's run over a
 * transport holds its invocations.
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
                .map(descriptor -> Resolution.match(MethodSelectorResolver.match(descriptor)))
                .orElseGet(Resolution::unresolved);
    }

    private static Optional<TestDescriptor> newDescriptor(TestDescriptor parent, Transport transport) {
        if (!(parent instanceof TransportsDescriptor repeated) || !repeated.transports().contains(transport)) {
            return Optional.empty();
        }
        UniqueId uniqueId = ProcessTestDescriptor.repetitionId(parent.getUniqueId(), transport);
        return Optional.of(repeated.expansion().isNone() ? new ProcessTestDescriptor(uniqueId, repeated, transport)
                : new TemplateDescriptor(uniqueId, repeated, transport));
    }
}
