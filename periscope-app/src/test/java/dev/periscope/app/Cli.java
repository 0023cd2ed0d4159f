package dev.periscope.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process for tests, capturing standard output and error. */
final class Cli {
    /** Exit code and captured output of one run. */
    record Result(int exitCode, String out, String err) {}

    private Cli() {}

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out, oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int rc = PeriscopeCli.execute(args);
            return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /**
     * Runs {@code args}, requires exit code {@code code} and exactly {@code line} (one line, so no stack trace) on
     * standard error; returns the result.
     */
    static Result fails(int code, String line, String... args) {
        Result r = run(args);
        if (r.exitCode() != code || !r.err().equals(line + System.lineSeparator())) {
            throw new AssertionError("for " + String.join(" ", args) + "\nexpected exit code " + code + " and stderr\n  " + line
                    + "\ngot exit code " + r.exitCode() + " and stderr\n  " + r.err());
        }
        return r;
    }

    /** Runs {@code command args...}, requires exit code 0 and returns standard output. */
    static String ok(String command, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        Result r = run(all);
        if (r.exitCode() != 0) throw new AssertionError("exit code " + r.exitCode() + " for " + String.join(" ", all) + "\n" + r.err());
        return r.out();
    }
}
