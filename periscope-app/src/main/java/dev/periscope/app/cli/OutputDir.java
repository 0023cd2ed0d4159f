package dev.periscope.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An output directory filled safely: a command writes into a staging directory inside it ({@code .partial-XXXX});
 * {@link #commit()} moves every file (and sub-directory's files) into place with atomic renames; {@link #close()}
 * without a commit deletes the staging directory, so a failed or {@code --strict} run leaves no file that looks
 * complete. Not thread-safe.
 */
public final class OutputDir implements AutoCloseable {
    private final Path dir, staging;
    private boolean committed;

    private OutputDir(Path dir, Path staging) {
        this.dir = dir;
        this.staging = staging;
    }

    /** Creates {@code dir} if needed and a staging directory in it; throws {@link CliError} if it cannot be written. */
    public static OutputDir stage(Path dir) {
        if (OutputFile.isStdout(dir)) throw CliError.file(dir, "this command writes several files; give a directory, not - (standard output)");
        Path d = ready(dir);
        try {
            return new OutputDir(d, Files.createTempDirectory(d, ".partial-"));
        } catch (IOException e) {
            throw CliError.io(dir, "not writable", e);
        }
    }

    /** {@code dir}, created if missing, if it is a writable directory; otherwise throws {@link CliError}. */
    static Path ready(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw CliError.file(dir, "already exists and is not a directory");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw CliError.io(dir, "cannot create directory", e);
        }
        if (!Files.isWritable(dir)) throw CliError.file(dir, "not writable");
        return dir;
    }

    /** Where the command writes its files. */
    public Path path() { return staging; }

    /** Moves everything written into the target directory, replacing files of the same name. */
    public void commit() {
        try {
            moveInto(staging, dir);
            Files.delete(staging);
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the output into " + dir, e);
        }
    }

    private static void moveInto(Path from, Path to) throws IOException {
        List<Path> entries;
        try (Stream<Path> s = Files.list(from)) {
            entries = s.sorted().toList();
        }
        for (Path p : entries) {
            Path target = to.resolve(p.getFileName().toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
                moveInto(p, target);
                Files.delete(p);
            } else {
                Files.move(p, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Without a commit: deletes the staging directory and everything in it. */
    @Override
    public void close() {
        if (committed) return;
        try (Stream<Path> s = Files.walk(staging)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + staging, e);
        }
    }
}
