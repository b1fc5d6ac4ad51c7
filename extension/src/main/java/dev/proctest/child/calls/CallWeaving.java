package dev.proctest.child.calls;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isEquals;
import static net.bytebuddy.matcher.ElementMatchers.isHashCode;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.isToString;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.wire.CallRule;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.matcher.ElementMatchers;
import org.apiguardian.api.API;

/**
 * Weaves recording into the types a child mocks or spies on, before {@code main} loads them, with
 * the instrumentation of Byte Buddy's agent (the child is started with it as {@code -javaagent}).
 * {@code hashCode}, {@code equals} and {@code toString} are left alone: collections and messages
 * call them, and a mock must still work as a key.
 */
@API(status = INTERNAL, since = "0.1")
public final class CallWeaving {

    private CallWeaving() {}

    /**
     * Weaves the types of {@code rules}; their calls go to {@code sink}, encoded, and calls whose
     * answers the test JVM computes go to {@code asker} with their number.
     */
    public static void install(List<CallRule> rules, Consumer<byte[]> sink, BiConsumer<Long, byte[]> asker) {
        CallHooks.configure(rules, sink);
        RemoteAnswers.sendWith(asker);
        Instrumentation instrumentation = ByteBuddyAgent.getInstrumentation();
        String[] mocked = rules.stream().filter(rule -> rule.mode() == CallRule.Mode.MOCK).map(CallRule::type).toArray(String[]::new);
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.Listener.StreamWriting.toSystemError().withErrorsOnly())
                .type(namedOneOf(rules.stream().map(CallRule::type).toArray(String[]::new)))
                .transform((builder, type, loader, module, domain) -> {
                    var woven = builder
                            .visit(Advice.to(Advices.Instance.class).on(isMethod().and(not(isStatic())).and(not(isAbstract()))
                                    .and(not(isHashCode().or(isEquals()).or(isToString())))))
                            .visit(Advice.to(Advices.Static.class).on(isMethod().and(isStatic()).and(not(ElementMatchers.isTypeInitializer()))))
                            .visit(Advice.to(Advices.Constructor.class).on(isConstructor()));
                    return List.of(mocked).contains(type.getName())
                            ? woven.visit(new AsmVisitorWrapper.ForDeclaredMethods().constructor(ElementMatchers.any(), new ConstructorShortcut()))
                            : woven;
                })
                .installOn(instrumentation);
    }
}
