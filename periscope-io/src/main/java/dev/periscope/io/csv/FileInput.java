package dev.periscope.io.csv;

import dev.periscope.model.quality.DataException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens an input file for reading, gunzipping it when its first two bytes are gzip's magic number {@code 1f 8b}
 * (RFC 1952 §2.3.1). Compression is detected from the content, never from the name, so {@code x.csv} holding gzip
 * data and {@code x.csv.gz} holding plain text both read correctly. Stateless.
 */
public final class FileInput {
    private static final int BUFFER = 1 << 16;

    private FileInput() {}

    /** The file's bytes, decompressed if gzip; throws {@link DataException} if it cannot be opened. */
    public static InputStream open(Path file) {
        try {
            return decompressed(new BufferedInputStream(Files.newInputStream(file), BUFFER));
        } catch (IOException e) {
            throw new DataException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code in} (which must support mark/reset) decompressed if it starts with gzip's magic bytes. */
    public static InputStream decompressed(InputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read(), b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) return new GZIPInputStream(in, BUFFER);
        return in;
    }
}
