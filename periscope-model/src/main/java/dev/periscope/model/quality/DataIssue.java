package dev.periscope.model.quality;

/**
 * One problem found in input data: where (source file or feed, 1-based line or message number, field) and why.
 *
 * @param source file name or feed name
 * @param line   1-based line (or message) number, 0 if not applicable
 * @param field  column or JSON field name, "" if the whole record
 * @param kind   category used for the end-of-run summary (e.g. "bad-number", "crossed-quote", "sequence-gap")
 * @param reason human-readable reason including the offending value
 */
public record DataIssue(String source, long line, String field, String kind, String reason) {
    @Override
    public String toString() {
        return source + ":" + line + (field.isEmpty() ? "" : " [" + field + "]") + " " + kind + ": " + reason;
    }
}
