package dev.periscope.app.cli;

import dev.periscope.io.csv.FileInput;
import dev.periscope.model.quality.DataException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipException;

/**
 * Checks an input file before a command reads it, so that the user learns exactly what is wrong with it: not found,
 * a directory, permission denied, empty, corrupt gzip, or binary (not text). gzip content is accepted (detected by
 * its magic bytes, see {@link FileInput}) and checked after decompression. Stateless.
 */
public final class InputFile {
    /** Bytes looked at to tell text from binary. */
    static final int SNIFF = 4096;

    private InputFile() {}

    /** Returns {@code file} if it is a readable, non-empty text file (plain or gzip); otherwise throws {@link CliError}. */
    public static Path check(Path file) {
        if (!Files.exists(file)) throw CliError.file(file, "not found");
        if (Files.isDirectory(file)) throw CliError.file(file, "is a directory, not a file");
        if (!Files.isReadable(file)) throw CliError.file(file, "permission denied");
        byte[] head;
        try (InputStream in = FileInput.open(file)) {
            head = in.readNBytes(SNIFF);
        } catch (DataException e) {
            throw e.getCause() instanceof ZipException z ? corrupt(file, z) : CliError.file(file, "cannot be read (" + e.getMessage() + ")");
        } catch (ZipException e) {
            throw corrupt(file, e);
        } catch (IOException e) {
            throw CliError.io(file, "cannot be read", e);
        }
        if (head.length == 0) throw CliError.file(file, "is empty");
        if (isBinary(head)) throw CliError.file(file, "is a binary file, not text (CSV)");
        return file;
    }

    private static CliError corrupt(Path file, ZipException e) {
        return CliError.file(file, "gzip-compressed but corrupt (" + e.getMessage() + ")");
    }

    /** True if {@code head} holds a NUL byte or more than 1 in 10 control bytes other than tab, CR, LF, FF. */
    static boolean isBinary(byte[] head) {
        int control = 0;
        for (byte b : head) {
            if (b == 0) return true;
            if (b > 0 && b < 32 && b != '\t' && b != '\n' && b != '\r' && b != '\f') control++;
        }
        return control * 10 > head.length;
    }
}
