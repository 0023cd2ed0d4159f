package dev.periscope.app.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One output file written safely: the bytes go to a temporary file beside the target ({@code .NAME.XXXX.partial})
 * that {@link #commit()} renames onto the target in one atomic move; {@link #close()} without a commit deletes it,
 * so a failed or {@code --strict} run leaves no file that looks complete. The target {@code -} is standard output.
 * Not thread-safe.
 */
public final class OutputFile implements AutoCloseable {
    /** The file name that means standard output. */
    public static final String STDOUT = "-";

    private final Path target, temp;
    private final OutputStream stream;
    private boolean committed;

    private OutputFile(Path target, Path temp, OutputStream stream) {
        this.target = target;
        this.temp = temp;
        this.stream = stream;
    }

    /** True if {@code p} is {@code -}, standard output. */
    public static boolean isStdout(Path p) {
        return p != null && p.toString().equals(STDOUT);
    }

    /** Opens {@code target} for writing (creating its directory); throws {@link CliError} if it cannot be written. */
    public static OutputFile create(Path target) {
        if (isStdout(target)) return new OutputFile(null, null, new FilterOutputStream(System.out) {
            @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }
            @Override public void close() throws IOException { out.flush(); }
        });
        if (Files.isDirectory(target)) throw CliError.file(target, "is a directory; give a file name");
        Path dir = OutputDir.ready(target.toAbsolutePath().getParent());
        try {
            Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".partial");
            return new OutputFile(target, temp, new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16));
        } catch (IOException e) {
            throw CliError.io(target, "not writable", e);
        }
    }

    /** Writes {@code text} (UTF-8) to {@code target} atomically, or to standard output for {@code -}. */
    public static void write(Path target, String text) {
        try (OutputFile f = create(target)) {
            f.stream().write(text.getBytes(StandardCharsets.UTF_8));
            f.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Where to write; closing it is allowed (and done by {@link #commit()}). */
    public OutputStream stream() { return stream; }

    /** Flushes and closes the stream and moves the file onto its target. */
    public void commit() throws IOException {
        stream.close();
        if (temp != null) Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
    }

    /** Without a commit: closes the stream and deletes the temporary file. */
    @Override
    public void close() throws IOException {
        if (committed) return;
        try {
            stream.close();
        } finally {
            if (temp != null) Files.deleteIfExists(temp);
        }
    }
}
