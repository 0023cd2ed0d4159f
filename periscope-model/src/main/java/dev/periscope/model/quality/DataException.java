package dev.periscope.model.quality;

/** Thrown under {@link IssuePolicy#STRICT} at the first bad record, and for input that cannot be read at all. */
public class DataException extends RuntimeException {
    private final transient DataIssue issue;

    public DataException(DataIssue issue) {
        super(issue.toString());
        this.issue = issue;
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
        this.issue = null;
    }

    /** The issue that stopped the run, or null for I/O failures. */
    public DataIssue issue() { return issue; }
}
