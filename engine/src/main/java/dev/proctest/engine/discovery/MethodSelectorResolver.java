package dev.proctest.engine.discovery;

import static java.util.stream.Collectors.toCollection;
import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import dev.proctest.engine.descriptor.ClassTestDescriptor;
import dev.proctest.engine.descriptor.Expansion;
import dev.proctest.engine.descriptor.ProcessTestDescriptor;
import dev.proctest.engine.descriptor.TemplateDescriptor;
import dev.proctest.engine.descriptor.TransportsDescriptor;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.NestedMethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves method selectors and {@code [method:...]} unique ids into test descriptors under their
 * class's descriptor.
 */
final class MethodSelectorResolver implements SelectorResolver {

    private final Issues issues;
    private final TestMethodValidator validator;
    /** {@code proctest.repeat}: how many times each selected test runs. */
    private final int repeat;

    MethodSelectorResolver(DiscoveryIssueReporter reporter, int repeat) {
        this.issues = new Issues(reporter);
        this.validator = new TestMethodValidator(issues);
        this.repeat = repeat;
    }

    @Override
    public Resolution resolve(MethodSelector selector, Context context) {
        return resolve(selector.getJavaClass(), selector.getJavaMethod(), context, null);
    }

    @Override
    public Resolution resolve(NestedMethodSelector selector, Context context) {
        return resolve(selector.getNestedClass(), selector.getMethod(), context, null);
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId uniqueId = selector.getUniqueId();
        UniqueId.Segment method = uniqueId.getLastSegment();
        if (!ProcessTestDescriptor.SEGMENT_TYPE.equals(method.getType()) || uniqueId.getSegments().size() < 3) {
            return unresolved();
        }
        UniqueId parentId = uniqueId.removeLastSegment();
        // below [class:..] a method goes into each run of the class, below a run or a nested class only there
        boolean ofClass = ClassTestDescriptor.SEGMENT_TYPE.equals(parentId.getLastSegment().getType());
        return TestClassIds.classOf(parentId)
                .flatMap(javaClass -> findMethod(javaClass, method.getValue())
                        .map(javaMethod -> resolve(javaClass, javaMethod, context, ofClass ? null : Set.of(parentId))))
                .orElseGet(Resolution::unresolved);
    }

    /**
     * @param runs the descriptors to resolve the method in, by unique id: a run of an {@code
     *     @Implementations} class, a nested class; null for each that runs the class
     */
    private Resolution resolve(Class<?> testClass, Method method, Context context, Set<UniqueId> runs) {
        if (!IsProcessTestMethod.INSTANCE.test(method) || !validator.isValid(testClass, method)) {
            return unresolved();
        }
        Set<Match> matches = new LinkedHashSet<>();
        for (Supplier<DiscoverySelector> parent : parents(testClass, context, runs)) {
            context.addToParent(parent, descriptor -> newDescriptor(descriptor, method))
                    .map(MethodSelectorResolver::match)
                    .ifPresent(matches::add);
        }
        return matches.isEmpty() ? unresolved() : Resolution.matches(matches);
    }

    /** The selectors of the descriptors the method's test goes below: each that runs its class. */
    private static List<Supplier<DiscoverySelector>> parents(Class<?> testClass, Context context, Set<UniqueId> runs) {
        Collection<UniqueId> holders = runs != null ? runs : TestClassIds.holdersOf(testClass, context);
        return holders.stream().<Supplier<DiscoverySelector>>map(holder -> () -> DiscoverySelectors.selectUniqueId(holder)).toList();
    }

    private Optional<TestDescriptor> newDescriptor(TestDescriptor parent, Method method) {
        if (!(parent instanceof ClassTestDescriptor classDescriptor) || !classDescriptor.implementations().isEmpty()) {
            return Optional.empty(); // a class with implementations holds runs, each of which holds the tests
        }
        UniqueId uniqueId = parent.getUniqueId().append(ProcessTestDescriptor.SEGMENT_TYPE, ProcessTestDescriptor.segmentValue(method));
        MethodSource source = MethodSource.from(classDescriptor.getTestClass(), method);
        Set<TestTag> tags = Tags.declaredOn(method, source, issues);
        Optional<Expansion> expansion = ExpansionDeclaration.of(classDescriptor.getTestClass(), method, repeat, issues);
        if (expansion.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(TransportsDeclaration.of(classDescriptor.getTestClass(), method, issues)
                .<TestDescriptor>map(transports -> new TransportsDescriptor(uniqueId, classDescriptor, method, tags, transports,
                        expansion.get()))
                .orElseGet(() -> expansion.get().isNone() ? new ProcessTestDescriptor(uniqueId, classDescriptor, method, tags)
                        : new TemplateDescriptor(uniqueId, classDescriptor, method, tags, expansion.get())));
    }

    /**
     * The match of a test selected whole: a test over transports selects each transport's run, a
     * parameterized or repeated test lets every invocation run. Only a selected test's match is
     * expanded: one resolved as the parent of a selected invocation keeps the others out.
     */
    static Match match(TestDescriptor descriptor) {
        if (descriptor instanceof TransportsDescriptor repeated) {
            return Match.exact(descriptor, () -> repetitionSelectors(repeated));
        }
        if (descriptor instanceof TemplateDescriptor template) {
            return Match.exact(descriptor, () -> {
                template.filter().allowAll();
                return Set.of();
            });
        }
        return Match.exact(descriptor);
    }

    private static Set<DiscoverySelector> repetitionSelectors(TransportsDescriptor repeated) {
        return repeated.transports().stream()
                .map(transport -> DiscoverySelectors.selectUniqueId(ProcessTestDescriptor.repetitionId(repeated.getUniqueId(), transport)))
                .collect(toCollection(LinkedHashSet::new));
    }

    /** Finds the method a {@code name(parameter, types)} segment names, if its types still load. */
    private static Optional<Method> findMethod(Class<?> testClass, String segment) {
        int open = segment.indexOf('(');
        if (open < 1 || !segment.endsWith(")")) {
            return Optional.empty();
        }
        try {
            return ReflectionSupport.findMethod(testClass, segment.substring(0, open), segment.substring(open + 1, segment.length() - 1));
        } catch (JUnitException e) {
            return Optional.empty();
        }
    }
}
