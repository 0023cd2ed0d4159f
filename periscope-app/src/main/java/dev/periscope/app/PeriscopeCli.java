package dev.periscope.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code periscope} command line. Each capability is a subcommand. */
@Command(name = "periscope", mixinStandardHelpOptions = true, version = "periscope 0.1.0",
        description = "Order flow, books and microstructure analytics on history or simulated markets.",
        subcommands = {
                CommandLine.HelpCommand.class,
                ClassifyCommand.class,
                TapeCommand.class,
                BookCommand.class,
                CryptoCommand.class,
                DemoCommand.class,
        })
public final class PeriscopeCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (used by tests). */
    public static int execute(String... args) {
        return new CommandLine(new PeriscopeCli()).execute(args);
    }
}
