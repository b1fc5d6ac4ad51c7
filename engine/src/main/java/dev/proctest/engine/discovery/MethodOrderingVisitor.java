package dev.proctest.engine.discovery;

import dev.proctest.Constants;
import dev.proctest.engine.descriptor.ClassTestDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * Orders the tests of each class as Jupiter does: by the {@link MethodOrderer} of the class's
 * {@code @TestMethodOrder} (itself, so {@code OrderAnnotation}, {@code MethodName}, {@code
 * DisplayName}, {@code Random} and one's own mean what they mean in Jupiter), else, for a {@code
 * @Nested} class, of its nearest enclosing class's (as Jupiter 6 does; Jupiter 5 does not), else
 * in the order discovery found them; its tests before its {@code @Nested} classes either way. An orderer's
 * default execution mode, {@code SAME_THREAD} for Jupiter's, makes the tests run one after
 * another in that order also when tests run in parallel.
 */
final class MethodOrderingVisitor implements TestDescriptor.Visitor {

    private final ConfigurationParameters configuration;
    private final Issues issues;

    MethodOrderingVisitor(ConfigurationParameters configuration, DiscoveryIssueReporter reporter) {
        this.configuration = configuration;
        this.issues = new Issues(reporter);
    }

    @Override
    public void visit(TestDescriptor descriptor) {
        if (!(descriptor instanceof ClassTestDescriptor holder) || !holder.implementations().isEmpty()) {
            return;
        }
        Class<?> testClass = holder.getTestClass();
        List<OrderedMethod> tests = new ArrayList<>();
        List<TestDescriptor> others = new ArrayList<>();
        for (TestDescriptor child : holder.getChildren()) {
            Optional<MethodSource> source = child.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
            if (source.isPresent()) {
                tests.add(new OrderedMethod(child, source.get().getJavaMethod()));
            } else {
                others.add(child);
            }
        }
        Optional<MethodOrderer> orderer = orderer(holder);
        if (orderer.isPresent()) {
            order(orderer.get(), testClass, tests);
            orderer.get().getDefaultExecutionMode()
                    .ifPresent(mode -> holder.runChildren(mode == ExecutionMode.SAME_THREAD ? Node.ExecutionMode.SAME_THREAD
                            : Node.ExecutionMode.CONCURRENT));
        }
        if (orderer.filter(MethodOrderer.OrderAnnotation.class::isInstance).isEmpty()) {
            tests.stream().filter(test -> test.isAnnotated(Order.class)).forEach(test -> issues.info(
                    MethodSource.from(testClass, test.getMethod()), "Ineffective @Order annotation on method '%s': it is not applied, "
                            + "as the class's @TestMethodOrder is not MethodOrderer.OrderAnnotation.", test.getMethod().toGenericString()));
        }
        if (!others.isEmpty() && AnnotationSupport.isAnnotated(testClass, TestClassOrder.class)) {
            issues.warning(ClassSource.from(testClass), "@TestClassOrder on test class '%s' is not applied: proctest runs its @Nested "
                    + "classes after its tests, in the order discovery finds them. To run steps in an order, put them in one class "
                    + "with @TestMethodOrder.", testClass.getName());
        }
        List<TestDescriptor> ordered = new ArrayList<>(tests.stream().map(OrderedMethod::descriptor).toList());
        ordered.addAll(others);
        holder.orderChildren(children -> ordered);
    }

    /** The orderer of the class's own {@code @TestMethodOrder}, else of the nearest enclosing class's, as Jupiter 6 finds it. */
    private Optional<MethodOrderer> orderer(ClassTestDescriptor holder) {
        Optional<TestMethodOrder> declared = Optional.empty();
        Class<?> testClass = holder.getTestClass();
        for (TestDescriptor at = holder; declared.isEmpty() && at instanceof ClassTestDescriptor enclosing;
                at = at.getParent().orElse(null)) {
            testClass = enclosing.getTestClass();
            declared = AnnotationSupport.findAnnotation(testClass, TestMethodOrder.class);
        }
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        Class<? extends MethodOrderer> type = declared.get().value();
        try {
            return Optional.of(ReflectionSupport.newInstance(type));
        } catch (Exception e) { // ReflectionSupport rethrows a missing constructor's checked exception as it is
            issues.error(ClassSource.from(testClass), "@TestMethodOrder(%s.class) of test class '%s' cannot be used: proctest could "
                    + "not create the orderer (%s). Give it a constructor without parameters. Its tests run in the order "
                    + "discovery found them.", type.getName(), testClass.getName(), e);
            return Optional.empty();
        }
    }

    /** Sorts {@code tests} as the orderer says; tests it removed keep their place after the others, those it added are ignored. */
    private void order(MethodOrderer orderer, Class<?> testClass, List<OrderedMethod> tests) {
        List<OrderedMethod> sorted = new ArrayList<>(tests);
        orderer.orderMethods(new Context(testClass, sorted));
        Set<OrderedMethod> result = new LinkedHashSet<>(sorted);
        result.retainAll(tests);
        if (result.size() < sorted.size()) {
            issues.warning(ClassSource.from(testClass), "MethodOrderer [%s] added %d test(s) to test class '%s', which are ignored.",
                    orderer.getClass().getName(), sorted.size() - result.size(), testClass.getName());
        }
        if (result.size() < tests.size()) {
            issues.warning(ClassSource.from(testClass), "MethodOrderer [%s] removed %d test(s) of test class '%s', which run after "
                    + "the others.", orderer.getClass().getName(), tests.size() - result.size(), testClass.getName());
            result.addAll(tests);
        }
        tests.clear();
        tests.addAll(result);
    }

    /**
     * What an orderer is given. It reads configuration parameters by Jupiter's keys; {@code
     * junit.jupiter.x} is answered from proctest's {@code proctest.x}, so that {@value
     * Constants#ORDER_RANDOM_SEED} seeds {@code MethodOrderer.Random}.
     */
    private final class Context implements MethodOrdererContext {

        private static final String JUPITER_PREFIX = "junit.jupiter.";

        private final Class<?> testClass;
        private final List<OrderedMethod> methods;

        Context(Class<?> testClass, List<OrderedMethod> methods) {
            this.testClass = testClass;
            this.methods = methods;
        }

        @Override
        public Class<?> getTestClass() {
            return testClass;
        }

        @Override
        public List<OrderedMethod> getMethodDescriptors() {
            return methods;
        }

        @Override
        public Optional<String> getConfigurationParameter(String key) {
            return configuration.get(key.startsWith(JUPITER_PREFIX) ? "proctest." + key.substring(JUPITER_PREFIX.length()) : key);
        }
    }
}
