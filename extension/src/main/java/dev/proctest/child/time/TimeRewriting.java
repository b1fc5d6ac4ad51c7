package dev.proctest.child.time;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.wire.RuntimePackages;
import dev.proctest.wire.TimePlan;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.apiguardian.api.API;

/**
 * Makes the system under test's classes read {@link ChildTime}: as each class loads, its calls to
 * the JDK's clocks, sleeps and timed waits are rewritten (see {@link SiteRewriter}). Left alone: the JDK, proctest's own classes, and the libraries its runtime
 * stands on (JeroMQ, Mockito, Byte Buddy, JUnit, JaCoCo), and, when the plan names packages,
 * everything outside them.
 */
@API(status = INTERNAL, since = "0.1")
public final class TimeRewriting implements ClassFileTransformer {

    /** Internal-name prefixes of the classes that keep real time whatever the plan says. */
    private static final List<String> REAL_TIME = Stream.concat(RuntimePackages.JDK.stream(), RuntimePackages.NAMES.stream())
            .map(name -> name.replace('.', '/') + "/").toList();

    /**
     * Strings whose absence from a class file proves it calls none of the methods rewritten: most
     * classes are passed over without being parsed.
     */
    private static final List<byte[]> HINTS = List.of("currentTimeMillis", "nanoTime", "now", "system", "tick", "sleep", "wait",
            "join", "park", "TimeUnit", "getDelay", "java/util/Date",
            "ScheduledThreadPool", "SingleThreadScheduledExecutor").stream().map(hint -> hint.getBytes(StandardCharsets.US_ASCII)).toList();

    private final List<String> packages;
    private final Set<String> ownLocations;
    private final Map<ClassLoader, Boolean> seesTimeCalls = Collections.synchronizedMap(new WeakHashMap<>());
    private final AtomicBoolean failureReported = new AtomicBoolean();

    private TimeRewriting(List<String> packages, Set<String> ownLocations) {
        this.packages = packages.stream().map(name -> name.replace('.', '/') + "/").toList();
        this.ownLocations = ownLocations;
    }

    /** Configures the child's time and rewrites the classes the plan puts on it, before {@code main} loads them. */
    public static void install(TimePlan plan) {
        ChildTime.configure(plan);
        Instrumentation instrumentation = ByteBuddyAgent.getInstrumentation();
        TimeRewriting rewriting = new TimeRewriting(plan.packages(), ownLocations());
        SiteRewriter.rewrite(classFile(TimeDelegates.class.getClassLoader(), TimeDelegates.class.getName().replace('.', '/')),
                new Hierarchy(TimeDelegates.class.getClassLoader())); // loads what rewriting needs before it runs inside class loading
        SiteRewriter.rewrite(classFile(TimeDelegates.class.getClassLoader(), ConcurrentDelegates.class.getName().replace('.', '/')),
                new Hierarchy(TimeDelegates.class.getClassLoader()));
        instrumentation.addTransformer(rewriting, true);
        if (!plan.packages().isEmpty()) {
            rewriting.retransformLoaded(instrumentation);
        }
    }

    /**
     * Rewrites the classes of the plan's packages that were loaded before {@code main}: by then
     * only the logging frameworks proctest captures have loaded anything outside the JDK and its
     * own runtime, and only packages named explicitly are worth the time (about half a second for
     * Logback's and Log4j 2's classes): the records proctest captures carry child time anyway.
     */
    private void retransformLoaded(Instrumentation instrumentation) {
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (mayRewrite(type) && instrumentation.isModifiableClass(type)) {
                loaded.add(type);
            }
        }
        if (!loaded.isEmpty()) {
            try {
                instrumentation.retransformClasses(loaded.toArray(Class<?>[]::new));
            } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
                report("classes loaded before main", e);
            }
        }
    }

    @Override
    public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain, byte[] classFile) {
        if (loader == null || name == null || !covers(name, domain) || !mentionsTime(classFile) || !seesTimeCalls(loader)) {
            return null;
        }
        try {
            return SiteRewriter.rewrite(classFile, new Hierarchy(loader));
        } catch (RuntimeException | LinkageError e) {
            report(name.replace('/', '.'), e);
            return null;
        }
    }

    /** Whether a class already loaded is one to rewrite, judged by its class file. */
    private boolean mayRewrite(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null || type.isArray() || type.isHidden() || !covers(type.getName().replace('.', '/'), type.getProtectionDomain())) {
            return false;
        }
        byte[] classFile = classFile(loader, type.getName().replace('.', '/'));
        return classFile != null && mentionsTime(classFile);
    }

    private boolean covers(String name, ProtectionDomain domain) {
        for (String prefix : REAL_TIME) {
            if (name.startsWith(prefix)) {
                return false;
            }
        }
        if (!packages.isEmpty() && packages.stream().noneMatch(name::startsWith)) {
            return false;
        }
        return !name.startsWith("dev/proctest/") || !isOwn(domain);
    }

    private boolean isOwn(ProtectionDomain domain) {
        CodeSource source = domain == null ? null : domain.getCodeSource();
        return source != null && source.getLocation() != null && ownLocations.contains(source.getLocation().toString());
    }

    private static boolean mentionsTime(byte[] classFile) {
        for (byte[] hint : HINTS) {
            if (contains(classFile, hint)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0, last = bytes.length - part.length; i <= last; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Whether classes of {@code loader} see this {@link TimeDelegates}: a loader that cannot would fail at the rewritten calls. */
    private boolean seesTimeCalls(ClassLoader loader) {
        if (loader == TimeDelegates.class.getClassLoader()) {
            return true;
        }
        return seesTimeCalls.computeIfAbsent(loader, candidate -> {
            try {
                return Class.forName(TimeDelegates.class.getName(), false, candidate) == TimeDelegates.class;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        });
    }

    private void report(String what, Throwable e) {
        if (failureReported.compareAndSet(false, true)) {
            System.err.println("proctest: could not put " + what + " on child time; it keeps real time: " + e);
        }
    }

    /** Where proctest's own classes come from: the extension's and the engine's jar or directory. */
    private static Set<String> ownLocations() {
        Set<String> locations = new java.util.HashSet<>();
        CodeSource extension = TimeRewriting.class.getProtectionDomain().getCodeSource();
        if (extension != null && extension.getLocation() != null) {
            locations.add(extension.getLocation().toString());
        }
        String engineClass = "dev/proctest/engine/ProcTestEngine.class";
        URL engine = ClassLoader.getSystemResource(engineClass);
        if (engine != null) {
            String url = engine.toString();
            locations.add(url.startsWith("jar:") ? url.substring("jar:".length(), url.indexOf("!/"))
                    : url.substring(0, url.length() - engineClass.length()));
        }
        return Set.copyOf(locations);
    }

    private static byte[] classFile(ClassLoader loader, String internalName) {
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
