package dev.periscope.app.cli;

/**
 * The exit codes of every {@code periscope} command, with the lines {@code --help} shows for them (picocli's
 * {@code exitCodeList} format {@code "code:description"}). Constants only.
 */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** {@code book}: the rebuilt book differs from LOBSTER's orderbook file. */
    public static final int MISMATCH = 1;
    /** Usage or input error: bad option value, unreadable or wrong file, files that do not belong together, no data. */
    public static final int USAGE = 2;
    /** {@code --strict} stopped at the first bad record. */
    public static final int STRICT = 3;
    /** Internal error (a bug): {@code --debug} prints the stack trace. sysexits.h EX_SOFTWARE. */
    public static final int INTERNAL = 70;

    public static final String HEADING = "%nExit codes:%n";
    public static final String HELP_OK = "0:success";
    public static final String HELP_MISMATCH = "1:the rebuilt book differs from the orderbook file";
    public static final String HELP_USAGE = "2:usage or input error (bad option value; file not found, unreadable, binary "
            + "or of the wrong kind; files that do not belong together; no data)";
    public static final String HELP_STRICT = "3:--strict stopped at the first bad record";
    public static final String HELP_INTERNAL = "70:internal error (a bug); --debug prints the stack trace";

    private ExitCodes() {}
}
