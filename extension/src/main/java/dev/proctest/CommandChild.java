package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import dev.proctest.internal.ReadyCondition;
import dev.proctest.internal.SpecSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A child that runs any program, found on the {@code PATH} or by its path:
 *
 * <pre>{@code
 * CommandChild.of("python3", "server.py", "--port", "5555").readyWhen(Ready.whenLogged("serving"))
 * }</pre>
 *
 * <p>Its output is kept as a Java child's is; it has no proctest runtime inside, so it cannot
 * signal readiness or publish values.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class CommandChild extends ChildSpec<CommandChild> {

    private final List<String> command;

    private CommandChild(SpecSettings settings, List<String> command) {
        super(settings);
        this.command = command;
    }

    /** A child that runs {@code program} with {@code args}. */
    public static CommandChild of(String program, String... args) {
        if (program == null || program.isBlank()) {
            throw new IllegalArgumentException("The program to run must be named, was [" + program + "]");
        }
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(copy(args, "args"));
        return new CommandChild(SpecSettings.defaults(), List.copyOf(command));
    }

    @Override
    CommandChild with(SpecSettings settings) {
        if (settings.ready().condition().involves(ReadyCondition.Kind.WHEN_SIGNALLED)) {
            throw new IllegalArgumentException("Ready.whenSignalled() needs a JavaChild: a command child has no proctest "
                    + "runtime to call ProcTest.ready(); use Ready.whenLogged(...) or Ready.listening(...)");
        }
        return new CommandChild(settings, command);
    }

    @Override
    String defaultName() {
        Path program = Path.of(command.get(0)).getFileName();
        return sanitize(program == null ? command.get(0) : program.toString());
    }

    List<String> command() {
        return command;
    }

    @Override
    public String toString() {
        return "CommandChild[" + childName() + ": " + String.join(" ", command) + "]";
    }
}
