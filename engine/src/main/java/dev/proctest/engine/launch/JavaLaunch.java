package dev.proctest.engine.launch;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How a Java child's JVM starts, apart from whom it serves: two spawns with equal launches can be
 * served by JVMs started alike, so a JVM of the pool started for one serves the other.
 *
 * @param java the {@code java} executable
 * @param feature its Java version: 17, 21, 25...
 * @param classPath the class path, in order
 * @param jvmOptions the options of {@code proctest.child.jvmArgs} and the spec's, in order
 * @param byteBuddyAgent whether the JVM starts with the agent that mocks and puts time on child time
 * @param coverage whether the JVM starts with the JaCoCo agent
 * @param environment what the spec adds to the environment the test JVM passes on
 * @param directory the working directory, if the spec chose one
 */
@API(status = INTERNAL, since = "0.1")
public record JavaLaunch(Path java, int feature, List<String> classPath, List<String> jvmOptions, boolean byteBuddyAgent, boolean coverage,
        Map<String, String> environment, Optional<Path> directory) {

    public JavaLaunch {
        classPath = List.copyOf(classPath);
        jvmOptions = List.copyOf(jvmOptions);
        environment = Map.copyOf(environment);
    }
}
