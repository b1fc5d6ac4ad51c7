package dev.proctest.engine.execution;

import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.platform.commons.support.AnnotationSupport;

/** A Jupiter {@code @Timeout}: how long an invocation may take, and on which thread it runs. */
record TimeoutSpec(Duration duration, ThreadMode threadMode, String text) {

    static Optional<TimeoutSpec> declaredOn(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, Timeout.class).map(TimeoutSpec::of);
    }

    static TimeoutSpec of(Timeout timeout) {
        if (timeout.value() <= 0) {
            throw new IllegalArgumentException("@Timeout must be a positive duration, was " + timeout.value());
        }
        String unit = timeout.unit().name().toLowerCase(Locale.ROOT);
        String text = timeout.value() + " " + (timeout.value() == 1 ? unit.substring(0, unit.length() - 1) : unit);
        Duration duration = Duration.ofNanos(timeout.unit().toNanos(timeout.value()));
        ThreadMode mode = timeout.threadMode() == ThreadMode.INFERRED ? ThreadMode.SAME_THREAD : timeout.threadMode();
        return new TimeoutSpec(duration, mode, text);
    }
}
