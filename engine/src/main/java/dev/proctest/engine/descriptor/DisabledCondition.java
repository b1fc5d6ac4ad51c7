package dev.proctest.engine.descriptor;

import java.lang.reflect.AnnotatedElement;
import org.junit.jupiter.api.Disabled;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.support.hierarchical.Node.SkipResult;

/** Jupiter's {@code @Disabled}, with Jupiter's reason when the annotation gives none. */
final class DisabledCondition {

    private DisabledCondition() {}

    static SkipResult evaluate(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, Disabled.class)
                .map(disabled -> SkipResult.skip(disabled.value().isBlank() ? element + " is @Disabled" : disabled.value()))
                .orElseGet(SkipResult::doNotSkip);
    }
}
