package dev.proctest.engine.discovery;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.engine.config.Configuration;
import dev.proctest.engine.descriptor.ProcTestEngineDescriptor;
import org.apiguardian.api.API;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;

/**
 * Turns the selectors of a discovery request (class-path roots, packages, modules, classes,
 * methods, unique ids) into the proctest test tree, and reports every bad declaration it meets as
 * a {@link org.junit.platform.engine.DiscoveryIssue}.
 */
@API(status = INTERNAL, since = "0.1")
public final class DiscoverySelectorResolver {

    private static final EngineDiscoveryRequestResolver<ProcTestEngineDescriptor> RESOLVER =
            EngineDiscoveryRequestResolver.<ProcTestEngineDescriptor>builder()
                    .addClassContainerSelectorResolver(new IsProcessTestClass())
                    .addSelectorResolver(context -> new ClassSelectorResolver(context.getClassNameFilter(), context.getIssueReporter()))
                    .addSelectorResolver(context -> new NestedClassSelectorResolver(context.getIssueReporter()))
                    .addSelectorResolver(context -> new MethodSelectorResolver(context.getIssueReporter(),
                            Configuration.repeat(context.getDiscoveryRequest().getConfigurationParameters())))
                    .addSelectorResolver(new ImplementationSelectorResolver())
                    .addSelectorResolver(new RepetitionSelectorResolver())
                    .addSelectorResolver(new InvocationSelectorResolver())
                    .addTestDescriptorVisitor(context -> new MethodOrderingVisitor(
                            context.getDiscoveryRequest().getConfigurationParameters(), context.getIssueReporter()))
                    .build();

    private DiscoverySelectorResolver() {}

    public static void resolve(EngineDiscoveryRequest request, ProcTestEngineDescriptor engineDescriptor) {
        // A class is met once per selector that leads to it; say each problem once.
        DiscoveryIssueReporter issues = DiscoveryIssueReporter.deduplicating(
                DiscoveryIssueReporter.forwarding(request.getDiscoveryListener(), engineDescriptor.getUniqueId()));
        RESOLVER.resolve(request, engineDescriptor, issues);
    }
}
