package dev.periscope.app;

import dev.periscope.app.cli.ErrorHandler;
import dev.periscope.app.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Entry point of the {@code periscope} command line. Each capability is a subcommand; every failure goes through
 * one {@link ErrorHandler} ({@code periscope CMD: what: why}, exit codes in {@link ExitCodes}).
 */
@Command(name = "periscope", mixinStandardHelpOptions = true, version = "periscope 0.1.0",
        description = "Order flow, books and microstructure analytics on history or simulated markets.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_USAGE, ExitCodes.HELP_STRICT, ExitCodes.HELP_INTERNAL},
        subcommands = {
                CommandLine.HelpCommand.class,
                ClassifyCommand.class,
                TapeCommand.class,
                BookCommand.class,
                CryptoCommand.class,
                DemoCommand.class,
                DetectEvalCommand.class,
        })
public final class PeriscopeCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = ErrorHandler.DEBUG, scope = ScopeType.INHERIT,
            description = "On an error, also print the Java stack trace.")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** The command line with its error handler installed. */
    public static CommandLine commandLine() {
        return ErrorHandler.install(new CommandLine(new PeriscopeCli()));
    }

    /** Runs a command line and returns its exit code (used by tests). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }
}
