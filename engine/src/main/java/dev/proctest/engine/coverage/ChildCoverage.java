package dev.proctest.engine.coverage;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.ChildProcessException;
import dev.proctest.Constants;
import dev.proctest.engine.config.Configuration.CoverageMode;
import dev.proctest.engine.config.Configuration.CoverageSettings;
import dev.proctest.wire.RuntimePackages;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.jacoco.core.runtime.AgentOptions;
import org.jacoco.core.tools.ExecFileLoader;

/**
 * The code coverage of a run's child JVMs: each Java child gets the JaCoCo agent with the test
 * JVM's options, writing to a file of its own (several JVMs appending to one file is a known way
 * to corrupt it); at the end of the run the children's files are merged into the test JVM's
 * execution data file, where {@code jacoco:report} reads it.
 */
@API(status = INTERNAL, since = "0.1")
public final class ChildCoverage {

    private static final Logger LOG = System.getLogger(ChildCoverage.class.getName());

    /** proctest's runtime and the libraries it stands on: instrumenting them costs every child about 200 ms. */
    static final String RUNTIME_EXCLUDES = RuntimePackages.NAMES.stream().map(name -> name + ".*").collect(Collectors.joining(":"));

    private static final List<String> INHERITED_OPTIONS = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    private final Path agent;
    private final AgentOptions base;
    private final Path destfile;
    private final boolean append;
    private final Path directory;
    private final CoverageSettings settings;
    private final AtomicInteger children = new AtomicInteger();

    private ChildCoverage(Path agent, AgentOptions base, CoverageSettings settings) {
        this.agent = agent;
        this.base = base;
        this.settings = settings;
        this.destfile = Path.of(base.getDestfile()).toAbsolutePath();
        this.append = base.getAppend();
        this.directory = destfile.resolveSibling("proctest-coverage").resolve("run-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(System.nanoTime()));
    }

    /**
     * The coverage of this run's children, if the settings and this JVM call for it.
     *
     * @throws ChildProcessException if coverage is {@code on} but there is no agent to give children
     */
    public static Optional<ChildCoverage> of(CoverageSettings settings) {
        if (settings.mode() == CoverageMode.OFF) {
            return Optional.empty();
        }
        Optional<AgentArgument> own = AgentArgument.ofThisJvm();
        if (own.isPresent()) {
            return Optional.of(new ChildCoverage(own.get().jar(), options(own.get().options()), settings));
        }
        if (settings.mode() == CoverageMode.AUTO) {
            return Optional.empty();
        }
        Path jar = settings.agent().map(Path::toAbsolutePath).orElseThrow(() -> new ChildProcessException(Constants.COVERAGE
                + " is on, but the test JVM runs without the JaCoCo agent: set " + Constants.COVERAGE_AGENT
                + " to the agent jar (org.jacoco.agent-<version>-runtime.jar), or run the tests with jacoco-maven-plugin's prepare-agent"));
        if (!AgentArgument.isJacocoAgent(jar)) {
            throw new ChildProcessException(Constants.COVERAGE_AGENT + " must be JaCoCo's agent jar"
                    + " (org.jacoco.agent-<version>-runtime.jar); " + jar + (Files.exists(jar) ? " is not one" : " does not exist"));
        }
        AgentOptions base = new AgentOptions();
        base.setDestfile(settings.destfile().toString());
        base.setAppend(true);
        return Optional.of(new ChildCoverage(jar, base, settings));
    }

    private static AgentOptions options(String options) {
        try {
            return new AgentOptions(options);
        } catch (IllegalArgumentException e) {
            throw new ChildProcessException("Cannot give children the test JVM's JaCoCo agent: its options [" + options + "] do not parse: "
                    + e.getMessage(), e);
        }
    }

    /** The {@code -javaagent} argument of a child, with a coverage file of its own. */
    public String javaAgentArgument(String childName) {
        AgentOptions child = new AgentOptions(base.toString());
        child.setDestfile(directory.resolve(childName + "-" + children.incrementAndGet() + ".exec").toString());
        child.setAppend(true);
        child.setOutput(AgentOptions.OutputMode.file);
        child.setDumpOnExit(true);
        child.setJmx(false);
        child.setSessionId(childName);
        child.setIncludes(settings.includes().orElse(base.getIncludes()));
        child.setExcludes(settings.excludes().orElseGet(() -> base.getExcludes().isEmpty() ? RUNTIME_EXCLUDES
                : base.getExcludes() + ":" + RUNTIME_EXCLUDES));
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory of the children's coverage, " + directory, e);
        }
        return child.getVMArgument(agent.toFile());
    }

    /** How often a child writes its coverage, for its environment. */
    public String interval() {
        return settings.interval().toString();
    }

    /**
     * Removes this agent from the JVM options a child would inherit through its environment
     * ({@code JAVA_TOOL_OPTIONS}): a JVM started with the agent twice does not start.
     */
    public void adjust(Map<String, String> environment) {
        Pattern inherited = Pattern.compile("\"?-javaagent:" + Pattern.quote(agent.toString()) + "[^\\s\"]*\"?\\s*");
        for (String variable : INHERITED_OPTIONS) {
            String value = environment.get(variable);
            if (value != null && value.contains(agent.toString())) {
                environment.put(variable, inherited.matcher(value).replaceAll("").strip());
            }
        }
    }

    /**
     * Merges the children's coverage into the test JVM's execution data file, once every child
     * has ended; a file cut short by a kill gives what it holds before the cut.
     */
    public void merge() {
        List<Path> files = childFiles();
        if (files.isEmpty()) {
            return;
        }
        ExecFileLoader loader = new ExecFileLoader();
        for (Path file : files) {
            try {
                loader.load(file.toFile());
            } catch (EOFException e) {
                LOG.log(Level.DEBUG, "proctest: the coverage file {0} ends early (its child was killed while writing it);"
                        + " what it holds before is merged", file);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "proctest: cannot read the coverage file " + file + "; its child's coverage is lost", e);
            }
        }
        try {
            if (append) {
                loader.save(destfile.toFile(), true);
                files.forEach(ChildCoverage::delete);
                delete(directory);
            } else {
                Path merged = directory.resolve("children.exec");
                loader.save(merged.toFile(), false);
                LOG.log(Level.WARNING, "proctest: the test JVM's JaCoCo agent has append=false, so it overwrites " + destfile
                        + " when it exits; the children's coverage is in " + merged + " (with append=true, the default, it goes to "
                        + destfile.getFileName() + ")");
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "proctest: cannot write the children's coverage to " + destfile + "; it stays in " + directory, e);
        }
    }

    private List<Path> childFiles() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(directory)) {
            return new ArrayList<>(listing.filter(file -> file.getFileName().toString().endsWith(".exec")).sorted().toList());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "proctest: cannot list the children's coverage in " + directory, e);
            return List.of();
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a leftover file in a build directory
        }
    }

    /** Where this run's children write their coverage. */
    public Path directory() {
        return directory;
    }

    /** Where the merged coverage goes. */
    public Path destfile() {
        return destfile;
    }
}
