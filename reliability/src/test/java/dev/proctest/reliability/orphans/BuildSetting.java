package dev.proctest.reliability.orphans;

import java.nio.file.Path;

/** What the build tells the orphan harness, as system properties: where the tools that start test JVMs are. */
enum BuildSetting {
    JACOCO_AGENT("jacocoAgent"),
    MAVEN_HOME("mavenHome"),
    LOCAL_REPOSITORY("localRepository"),
    SUREFIRE_VERSION("surefireVersion"),
    JUNIT_VERSION("junitVersion");

    private final String key;

    BuildSetting(String name) {
        this.key = "proctest.orphans." + name;
    }

    /** Returns the setting's value; throws if the harness runs without the build that sets it. */
    String value() {
        String value = System.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("The build sets " + key + " (reliability/pom.xml); run the harness with Maven");
        }
        return value;
    }

    Path path() {
        return Path.of(value());
    }
}
