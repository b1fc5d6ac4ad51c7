package dev.proctest.engine.coverage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The JaCoCo agent this JVM runs with, found among its {@code -javaagent} arguments (those on the
 * command line, in argument files and in {@code JAVA_TOOL_OPTIONS}) by its jar's {@code
 * Premain-Class}: the jar and its option string.
 */
record AgentArgument(Path jar, String options) {

    private static final String JAVAAGENT = "-javaagent:";
    private static final String JACOCO_PREMAIN = "org.jacoco.agent.rt.";

    static Optional<AgentArgument> ofThisJvm() {
        return find(ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    static Optional<AgentArgument> find(List<String> jvmArguments) {
        for (String argument : jvmArguments) {
            if (!argument.startsWith(JAVAAGENT)) {
                continue;
            }
            String value = argument.substring(JAVAAGENT.length());
            int equals = value.indexOf('=');
            Path jar = Path.of(equals < 0 ? value : value.substring(0, equals)).toAbsolutePath();
            if (isJacocoAgent(jar)) {
                return Optional.of(new AgentArgument(jar, equals < 0 ? "" : value.substring(equals + 1)));
            }
        }
        return Optional.empty();
    }

    static boolean isJacocoAgent(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String premain = manifest == null ? null : manifest.getMainAttributes().getValue("Premain-Class");
            return premain != null && premain.startsWith(JACOCO_PREMAIN);
        } catch (IOException e) {
            return false;
        }
    }
}
