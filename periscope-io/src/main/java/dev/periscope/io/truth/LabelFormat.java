package dev.periscope.io.truth;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The two ground-truth label file formats (documented in docs/evaluation.md): {@link #CSV} with the fixed header
 * {@link #HEADER}, and {@link #JSONL} (JSON Lines: one JSON object per line, keys as the CSV columns).
 */
public enum LabelFormat {
    CSV, JSONL;

    /** The columns of the CSV format, in order; also the keys of the JSON Lines format. */
    public static final String[] COLUMNS = {"kind", "instrument", "venue", "side", "ts_start_ns", "ts_end_ns", "size",
            "price_low", "price_high", "order_ids", "trade_ids", "note"};

    /** The exact first (non-comment) line of a CSV label file. */
    public static final String HEADER = String.join(",", COLUMNS);

    /**
     * The format a file name implies: {@code .csv} (or {@code .csv.gz}) is CSV; {@code .jsonl}, {@code .ndjson},
     * {@code .json} (each optionally {@code .gz}) is JSON Lines.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static LabelFormat ofFileName(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
        if (n.endsWith(".csv")) return CSV;
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) return JSONL;
        throw new IllegalArgumentException("label file must end in .csv, .jsonl, .ndjson or .json: " + file);
    }
}
