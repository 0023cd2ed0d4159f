package dev.periscope.io.crypto;

import java.io.IOException;

/**
 * Decodes one venue message — one WebSocket text frame, as received or as recorded — into reusable flyweights and
 * hands them to the venue's book synchroniser. Knows nothing of files: a recording reader and a live connector
 * call it the same way. Single-threaded; allocation-free per message in the steady state.
 */
public interface FrameDecoder {
    /**
     * Decodes the JSON message in {@code b[from, to)} received at {@code recvNanos} (epoch ns). The bytes must not
     * change until the call returns. Throws on malformed input (the caller reports it and calls {@link #reset()}).
     */
    void decode(byte[] b, int from, int to, long recvNanos) throws IOException;

    /** Discards partial parser state after a message that failed to decode. */
    void reset();
}
