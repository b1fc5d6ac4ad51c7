package dev.proctest.reliability.scale;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.Constants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A test JVM for {@link ScaleTests}: runs the first classes of {@link ScaleTestCase} through the
 * JUnit Platform Launcher, as build tools do, sequentially or with proctest's parallel execution,
 * and samples itself with a {@link Sampler}.
 */
public final class ScaleHost {

    /** Threads of the parallel runs: more than the cores, so that more children bind ports at once than could run. */
    static final int PARALLELISM = 4;

    private ScaleHost() {}

    /** @param args {@code sequential|parallel}, the number of classes, tests between samples, the directory of the run */
    public static void main(String[] args) throws Exception {
        boolean parallel = args[0].equals("parallel");
        int classes = Integer.parseInt(args[1]);
        int every = Integer.parseInt(args[2]);
        Path directory = Path.of(args[3]);
        Files.createDirectories(directory);
        List<DiscoverySelector> selectors = Arrays.stream(ScaleTestCase.class.getDeclaredClasses())
                .filter(ScaleBase.class::isAssignableFrom).sorted(Comparator.comparing(Class::getName)).limit(classes)
                .map(type -> (DiscoverySelector) selectClass(type)).toList();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors)
                .configurationParameter(Constants.REPORTS_DIR, directory.resolve("proctest").toString())
                .configurationParameter(Constants.PARALLEL_ENABLED, String.valueOf(parallel))
                .configurationParameter(Constants.PARALLEL_CONFIG_STRATEGY, "fixed")
                .configurationParameter(Constants.PARALLEL_CONFIG_PREFIX + "fixed.parallelism", String.valueOf(PARALLELISM))
                .build();
        LauncherFactory.create().execute(request, new Sampler(every, directory));
        System.out.println("SCALE DONE");
    }
}
