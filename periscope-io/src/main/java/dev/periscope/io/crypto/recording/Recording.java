package dev.periscope.io.crypto.recording;

import dev.periscope.io.crypto.FrameDecoder;
import dev.periscope.io.crypto.SymbolStats;
import dev.periscope.io.crypto.VenueBookSync;
import dev.periscope.model.quality.DataException;
import dev.periscope.model.quality.DataIssueLog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Replays one recorded file: reads its lines, lets the {@link LineFormat} find each line's venue message, tells the
 * book synchroniser where it comes from ({@code file:line}) and hands the payload to the venue's decoder — exactly
 * what a live connector does with WebSocket frames. A malformed line is reported to the {@link DataIssueLog}
 * ({@code FILE:LINE [message] parse: reason}, reason cut to {@link #MAX_ECHO} characters) and the replay goes on;
 * under the STRICT policy the first issue stops it. Single-threaded.
 *
 * @param <S> the venue's book synchroniser
 * @param <D> the venue's decoder
 */
public final class Recording<S extends VenueBookSync, D extends FrameDecoder> {
    /** Longest echo of input kept in a data-issue reason. */
    public static final int MAX_ECHO = 200;

    private final LineFormat format;
    private final D decoder;
    private final S sync;
    private final DataIssueLog issues;
    private LineReader reader;
    private String source;

    public Recording(LineFormat format, D decoder, S sync, DataIssueLog issues) {
        this.format = format;
        this.decoder = decoder;
        this.sync = sync;
        this.issues = issues;
        this.source = sync.source();
    }

    public S sync() { return sync; }

    public D decoder() { return decoder; }

    public DataIssueLog issues() { return issues; }

    /** Starts reading {@code in} as the file {@code name}; then {@link #step()} until false, then {@link #finish()}. */
    public void open(InputStream in, String name) {
        close();
        reader = new LineReader(in);
        source = name;
    }

    /** {@link #open(InputStream, String)} keeping the current source name. */
    public void open(InputStream in) { open(in, source); }

    /** Processes the next line (zero or more events); false at the end of input (the stream is then closed). */
    public boolean step() {
        if (reader == null) return false;
        boolean more;
        try {
            more = reader.next();
        } catch (UncheckedIOException e) {
            issues.report(source, reader.lineNo() + 1, "file", "read", cut(String.valueOf(e.getCause().getMessage())));
            more = false;
        }
        if (!more) {
            close();
            return false;
        }
        long line = reader.lineNo();
        sync.at(source, line);
        try {
            if (format.payload(reader)) decoder.decode(format.bytes(), format.from(), format.to(), format.recvNanos());
        } catch (DataException e) {
            throw e; // STRICT policy: stop at the first issue
        } catch (MalformedLineException e) {
            issues.report(source, line, e.field, e.kind, cut(e.getMessage()));
        } catch (IOException | RuntimeException e) {
            format.reset();
            decoder.reset();
            sync.at(source, line);
            issues.report(source, line, "message", "parse", cut(String.valueOf(e.getMessage())));
        }
        return true;
    }

    /** Replays a whole input (open + step to the end); call {@link #finish()} once after the last input. */
    public void replay(InputStream in) {
        open(in);
        while (step()) { /* loop */ }
    }

    /** End of input: lets the synchroniser flush (Binance snapshots still awaited) and calls the handler's onEnd. */
    public void finish() { sync.finish(); }

    /** Per-symbol statistics with the final top of book (see {@link VenueBookSync#stats()}). */
    public List<SymbolStats> stats() { return sync.stats(); }

    /** Closes the input if it is still open. */
    public void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (UncheckedIOException ignored) {
                // closing a read-only stream: nothing to lose
            }
            reader = null;
        }
    }

    /** {@code s} cut to {@link #MAX_ECHO} characters (with the original length) so that echoed input stays short. */
    public static String cut(String s) {
        return s.length() <= MAX_ECHO ? s : s.substring(0, MAX_ECHO) + "... (" + s.length() + " chars)";
    }
}
