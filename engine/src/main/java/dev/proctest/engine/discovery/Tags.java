package dev.proctest.engine.discovery;

import java.lang.reflect.AnnotatedElement;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;

/**
 * Reads Jupiter {@code @Tag}s: declared directly, repeated, on meta-annotations (which is how
 * {@code @ProcessTest} brings {@code process}) and, for classes, inherited from superclasses and
 * interfaces.
 */
final class Tags {

    private Tags() {}

    /** Returns the valid tags of {@code element}; an invalid one is a warning and is left out. */
    static Set<TestTag> declaredOn(AnnotatedElement element, TestSource source, Issues issues) {
        Set<TestTag> tags = new LinkedHashSet<>();
        for (Tag tag : AnnotationSupport.findRepeatableAnnotations(element, Tag.class)) {
            if (TestTag.isValid(tag.value())) {
                tags.add(TestTag.create(tag.value()));
            } else {
                issues.warning(source, "Invalid tag syntax in @Tag(\"%s\") on %s: a tag must not be blank or contain "
                        + "whitespace, ISO control characters or any of , ( ) & | !. The tag is ignored.", tag.value(), element);
            }
        }
        return tags;
    }
}
