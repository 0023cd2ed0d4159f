package dev.periscope.app.cli;

import dev.periscope.model.quality.DataException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.time.DateTimeException;
import java.util.Arrays;

/**
 * The one error path of every command: turns any failure into a single line {@code periscope CMD: what: why} on
 * standard error and an exit code ({@link ExitCodes}); the stack trace follows only with {@code --debug}. Text
 * echoed from input is cut to {@link #MAX_MESSAGE} characters. Stateless apart from the raw arguments it checks for
 * {@code --debug} when parsing itself failed.
 */
public final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    /** Longest message printed, in characters. */
    public static final int MAX_MESSAGE = 400;
    /** The global option that shows stack traces. */
    public static final String DEBUG = "--debug";

    /** A failure as the user sees it. */
    record Failure(int exitCode, String message) {}

    /** Installs the handler on {@code cl} (and, through picocli, on its subcommands); returns {@code cl}. */
    public static CommandLine install(CommandLine cl) {
        ErrorHandler h = new ErrorHandler();
        cl.setExecutionExceptionHandler(h);
        cl.setParameterExceptionHandler(h);
        return cl;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        Failure f = classify(ex);
        print(cmd, f.message() + (f.exitCode() == ExitCodes.INTERNAL && !debug(cmd, null) ? " (run with --debug for the stack trace)" : ""),
                debug(cmd, null) ? ex : null);
        return f.exitCode();
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        print(cmd, ex.getMessage() + " (see " + cmd.getCommandSpec().qualifiedName() + " --help)", debug(cmd, args) ? ex : null);
        return ExitCodes.USAGE;
    }

    /** The exit code and message for a failure. */
    static Failure classify(Throwable ex) {
        if (ex instanceof CliError e) return new Failure(e.exitCode(), e.getMessage());
        if (ex instanceof DataException e && e.issue() != null)
            return new Failure(ExitCodes.STRICT, e.issue() + " (stopped by --strict)");
        if (ex instanceof DataException e && e.getCause() instanceof IOException io) return io(io, e.getMessage());
        if (ex instanceof DataException || ex instanceof IllegalArgumentException || ex instanceof DateTimeException)
            return new Failure(ExitCodes.USAGE, ex.getMessage());
        if (ex instanceof UncheckedIOException e) return io(e.getCause(), e.getMessage());
        if (ex instanceof IOException e) return io(e, e.getMessage());
        return new Failure(ExitCodes.INTERNAL, "internal error: " + ex);
    }

    private static Failure io(IOException e, String context) {
        if (e instanceof NoSuchFileException n) return new Failure(ExitCodes.USAGE, n.getFile() + ": not found");
        if (e instanceof AccessDeniedException a) return new Failure(ExitCodes.USAGE, a.getFile() + ": permission denied");
        if (e instanceof FileSystemException fs && fs.getFile() != null)
            return new Failure(ExitCodes.USAGE, fs.getFile() + ": " + (fs.getReason() != null ? fs.getReason() : fs.getMessage()));
        return new Failure(ExitCodes.USAGE, context + (e.getMessage() != null && !context.contains(e.getMessage()) ? ": " + e.getMessage() : ""));
    }

    private static void print(CommandLine cmd, String message, Throwable trace) {
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + cut(message));
        if (trace != null) trace.printStackTrace(err);
        err.flush();
    }

    /** {@code s} on one line, at most {@link #MAX_MESSAGE} characters. */
    public static String cut(String s) {
        String one = String.valueOf(s).replace('\n', ' ').replace('\r', ' ');
        return one.length() <= MAX_MESSAGE ? one : one.substring(0, MAX_MESSAGE) + "... (" + one.length() + " characters)";
    }

    /** True if {@code --debug} was given to this command or a parent (or appears in {@code args}, when parsing failed). */
    private static boolean debug(CommandLine cmd, String[] args) {
        if (args != null && Arrays.asList(args).contains(DEBUG)) return true;
        for (CommandLine c = cmd; c != null; c = c.getParent()) {
            if (c.getParseResult() != null && c.getParseResult().hasMatchedOption(DEBUG)) return true;
        }
        return false;
    }
}
