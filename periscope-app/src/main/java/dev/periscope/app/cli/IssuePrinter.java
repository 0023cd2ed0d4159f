package dev.periscope.app.cli;

import dev.periscope.model.quality.DataIssue;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.model.quality.IssuePolicy;

import java.util.function.Consumer;

/**
 * Prints data issues as they are found, boundedly: the first {@link #FIRST} as {@code data issue: ...} lines (each
 * cut to {@link ErrorHandler#MAX_MESSAGE} characters), then one line saying that the rest are only counted; the
 * run's summary then gives the count per kind. Under {@code --strict} it prints nothing, because the
 * {@link ErrorHandler} prints the issue that stopped the run. Not thread-safe (one per run).
 */
public final class IssuePrinter implements Consumer<DataIssue> {
    /** Issues printed one by one before the rest are only counted. */
    public static final int FIRST = 20;

    private final Consumer<String> lines;
    private final boolean strict;
    private long seen;

    public IssuePrinter(Consumer<String> lines, boolean strict) {
        this.lines = lines;
        this.strict = strict;
    }

    /** An issue log for one run: skip or strict, keeping the first {@link #FIRST}, printing through this printer. */
    public static DataIssueLog log(boolean strict, Consumer<String> lines) {
        return new DataIssueLog(strict ? IssuePolicy.STRICT : IssuePolicy.SKIP, FIRST, new IssuePrinter(lines, strict));
    }

    @Override
    public void accept(DataIssue issue) {
        if (strict) return;
        seen++;
        if (seen <= FIRST) lines.accept("data issue: " + ErrorHandler.cut(issue.toString()));
        else if (seen == FIRST + 1) lines.accept("data issue: more than " + FIRST + "; the rest are counted in the summary only");
    }
}
