package dev.periscope.model.quality;

/** What to do with a bad record: skip it and go on (the default), or stop the run ({@code --strict}). */
public enum IssuePolicy { SKIP, STRICT }
