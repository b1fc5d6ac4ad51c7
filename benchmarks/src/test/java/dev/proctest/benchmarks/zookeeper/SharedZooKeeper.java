package dev.proctest.benchmarks.zookeeper;

import dev.proctest.ChildSpec;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.Ready;
import dev.proctest.SharedChild;
import dev.proctest.SharedScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.zookeeper.server.ZooKeeperServerMain;

/** One standalone ZooKeeper server for the whole run, its data in a directory of its own under {@code target}. */
public class SharedZooKeeper implements SharedChild {

    @Override
    public ChildSpec<?> spec(SharedScope scope) {
        Endpoint client = scope.endpoint("client");
        try {
            Path directory = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "shared-zookeeper-");
            Path config = directory.resolve("zoo.cfg");
            Files.writeString(config, String.join("\n",
                    "tickTime=500",
                    "dataDir=" + Files.createDirectories(directory.resolve("data")),
                    "clientPort=" + client.port(),
                    "clientPortAddress=127.0.0.1",
                    "admin.enableServer=false",
                    "4lw.commands.whitelist=srvr",
                    ""));
            return JavaChild.main(ZooKeeperServerMain.class).name("zookeeper").args(config.toString())
                    .readyWhen(Ready.listening(client));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
