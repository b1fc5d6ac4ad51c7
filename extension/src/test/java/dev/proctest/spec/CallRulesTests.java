package dev.proctest.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.JavaChild;
import dev.proctest.internal.Api;
import dev.proctest.wire.CallRule;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** What a spec mocks and spies on, and the bad declarations it refuses where they are made. */
class CallRulesTests {

    static class Gauge {
        double read() {
            return 1;
        }

        void reset() {}

        static Gauge create() {
            return new Gauge();
        }
    }

    static class Base {
        Base(int size) {}
    }

    static class Derived extends Base {
        Derived() {
            super(1);
        }
    }

    @Test
    void rulesAreKeptInOrderWithTheirStubs() {
        JavaChild spec = JavaChild.main("app.Main").spy(Derived.class).mock(Gauge.class).stub(Gauge.class, "read", 21.5);

        assertThat(Api.java(spec).callRules()).extracting(CallRule::type, CallRule::mode).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Derived.class.getName(), CallRule.Mode.SPY),
                org.assertj.core.groups.Tuple.tuple(Gauge.class.getName(), CallRule.Mode.MOCK));
        assertThat(Api.java(spec).callRules().get(1).stubs()).containsOnlyKeys("read");
        assertThat(Api.java(JavaChild.main("app.Main")).callRules()).isEmpty();

        JavaChild statics = JavaChild.main("app.Main").mockStatic(Gauge.class).stub(Gauge.class, "create", null);
        assertThat(Api.java(statics).callRules()).singleElement().satisfies(rule -> {
            assertThat(rule.mode()).isEqualTo(CallRule.Mode.SPY);
            assertThat(rule.mocksStatics()).isTrue();
        });
        assertThat(Api.java(statics.mock(Gauge.class)).callRules()).singleElement().satisfies(rule -> {
            assertThat(rule.mode()).isEqualTo(CallRule.Mode.MOCK);
            assertThat(rule.mocksStatics()).as("kept when the instances are mocked too").isTrue();
        });
    }

    @Test
    void badDeclarationsAreRefusedSayingWhy() {
        JavaChild spec = JavaChild.main("app.Main");
        assertThatThrownBy(() -> spec.mock(Runnable.class)).hasMessage("Cannot mock java.lang.Runnable: it is an interface: mock or spy "
                + "the class the child creates");
        assertThatThrownBy(() -> spec.spy(ArrayList.class)).hasMessage("Cannot spy java.util.ArrayList: proctest does not rewrite the "
                + "JDK's classes");
        assertThatThrownBy(() -> spec.mock(JavaChild.class)).hasMessage("Cannot mock dev.proctest.JavaChild: proctest's own runtime uses it");
        assertThatThrownBy(() -> spec.mock(Derived.class)).hasMessage("Cannot mock " + Derived.class.getName() + ": its superclass "
                + Base.class.getName() + " has no constructor without parameters for the mock to call; spy it instead, or mock a type "
                + "whose superclass has one");
        assertThatThrownBy(() -> spec.stub(Gauge.class, "read", 1.0)).hasMessage("Cannot stub " + Gauge.class.getName() + ".read: mock "
                + "the type first, with mock(Gauge.class) or mockStatic(Gauge.class)");
        assertThatThrownBy(() -> spec.mock(Gauge.class).stub(Gauge.class, "calibrate", 1.0)).hasMessage("Cannot stub "
                + Gauge.class.getName() + ".calibrate: it declares no mocked method of that name");
        assertThatThrownBy(() -> spec.mock(Gauge.class).stub(Gauge.class, "create", 1.0)).as("a static method, mocked by mockStatic only")
                .hasMessage("Cannot stub " + Gauge.class.getName() + ".create: it declares no mocked method of that name");
        assertThatThrownBy(() -> spec.mock(Gauge.class).answer(Gauge.class, "calibrate", call -> 1.0)).hasMessage("Cannot answer "
                + Gauge.class.getName() + ".calibrate: it declares no mocked method of that name");
        assertThatThrownBy(() -> spec.mock(Gauge.class).stub(Gauge.class, "read", "warm")).hasMessage("Cannot stub "
                + Gauge.class.getName() + ".read with warm (java.lang.String): it returns double");
        assertThatThrownBy(() -> spec.mock(Gauge.class).stub(Gauge.class, "reset", 1)).hasMessage("Cannot stub "
                + Gauge.class.getName() + ".reset with 1 (java.lang.Integer): it returns void");
    }
}
