package dev.periscope.app.cli;

import java.nio.file.Path;

/**
 * A failure the user can fix, with the exit code it ends the run with. Its message is {@code what: why}; the
 * {@link ErrorHandler} prints it as {@code periscope CMD: what: why}, without a stack trace.
 */
public final class CliError extends RuntimeException {
    private final int exitCode;

    public CliError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() { return exitCode; }

    /** A usage or input error (exit code 2) about {@code what}. */
    public static CliError usage(String what, String why) {
        return new CliError(ExitCodes.USAGE, what + ": " + why);
    }

    /** An input or output file that cannot be used (exit code 2). */
    public static CliError file(Path file, String why) {
        return usage(String.valueOf(file), why);
    }

    /** A file operation that failed (exit code 2): {@code file: doing (reason)}, the reason said plainly. */
    public static CliError io(Path file, String doing, java.io.IOException e) {
        String why = e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : String.valueOf(e.getMessage());
        return file(file, doing + " (" + why + ")");
    }

    /** A bad option value (exit code 2): {@code --name value: allowed}. */
    public static CliError option(String name, Object value, String allowed) {
        return usage(name + " " + value, allowed);
    }
}
