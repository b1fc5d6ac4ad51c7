package dev.proctest.engine.launch;

import dev.proctest.ChildProcessException;
import dev.proctest.wire.TimePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Checks, before a child starts, that each package its time plan names holds a class on its class
 * path: a misspelt package would otherwise leave the system under test on real time, silently.
 */
final class TimePackages {

    private TimePackages() {}

    static void check(TimePlan time, String child, List<String> classPath) {
        if (time.packages().isEmpty()) {
            return;
        }
        if (!time.rewrites()) {
            throw new ChildProcessException("Cannot start child '" + child + "': timePackages" + time.packages() + " changes nothing"
                    + " without timeFactor, startTime or clockOffset");
        }
        for (String name : time.packages()) {
            String directory = name.replace('.', '/') + "/";
            if (classPath.stream().noneMatch(entry -> holdsClassIn(Path.of(entry), directory))) {
                throw new ChildProcessException("Cannot start child '" + child + "': no class on its class path is in package " + name
                        + " or its subpackages, so timePackages(\"" + name + "\") would put nothing on child time");
            }
        }
    }

    private static boolean holdsClassIn(Path entry, String directory) {
        try {
            if (Files.isDirectory(entry)) {
                Path packageDirectory = entry.resolve(directory);
                if (!Files.isDirectory(packageDirectory)) {
                    return false;
                }
                try (Stream<Path> files = Files.walk(packageDirectory)) {
                    return files.anyMatch(file -> file.toString().endsWith(".class"));
                }
            }
            if (Files.isRegularFile(entry)) {
                try (ZipFile jar = new ZipFile(entry.toFile())) {
                    return jar.stream().anyMatch(file -> file.getName().startsWith(directory) && file.getName().endsWith(".class"));
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
