package dev.periscope.io.crypto.recording;

import java.io.IOException;

/**
 * How one recorded line carries a venue message. {@link #payload} finds the message in the line and its receive
 * time, or answers that the line carries none (connect lines, sent messages, headers). Implementations may keep the
 * payload in their own buffer (unescaped text). Single-threaded.
 */
public interface LineFormat {
    /**
     * Locates the message of the current line of {@code r}; returns false when the line carries none. Throws on a
     * malformed line (the caller reports it with file and line).
     */
    boolean payload(LineReader r) throws IOException;

    /** The payload bytes: {@code bytes()[from(), to())}, received at {@link #recvNanos()}. */
    byte[] bytes();

    int from();

    int to();

    long recvNanos();

    /** Discards partial state after a malformed line. */
    default void reset() {}
}
