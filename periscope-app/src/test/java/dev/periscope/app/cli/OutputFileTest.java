package dev.periscope.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Outputs appear under their names only when complete; an abandoned output leaves nothing behind. */
class OutputFileTest {
    @TempDir
    Path tmp;

    private static long count(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void anUncommittedFileLeavesNothingAndACommittedOneReplacesTheTarget() throws Exception {
        Path target = Files.writeString(tmp.resolve("out.csv"), "old");
        try (OutputFile f = OutputFile.create(target)) {
            f.stream().write("half".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(count(tmp)).isEqualTo(1);
        try (OutputFile f = OutputFile.create(target)) {
            f.stream().write("new".getBytes(StandardCharsets.UTF_8));
            assertThat(Files.readString(target)).isEqualTo("old");
            f.commit();
        }
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(count(tmp)).isEqualTo(1);
    }

    @Test
    void aStagedDirectoryMovesFilesAndSubdirectoriesInOnCommitAndVanishesOtherwise() throws Exception {
        Path dir = tmp.resolve("out");
        try (OutputDir d = OutputDir.stage(dir)) {
            Files.writeString(d.path().resolve("a.csv"), "a");
        }
        assertThat(count(dir)).isZero();
        Files.createDirectories(dir.resolve("venue-N"));
        Files.writeString(dir.resolve("venue-N/old.csv"), "kept");
        try (OutputDir d = OutputDir.stage(dir)) {
            Files.writeString(d.path().resolve("a.csv"), "a");
            Files.createDirectories(d.path().resolve("venue-N"));
            Files.writeString(d.path().resolve("venue-N/b.csv"), "b");
            d.commit();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            assertThat(s.map(p -> dir.relativize(p).toString()).sorted().toList())
                    .containsExactly("", "a.csv", "venue-N", "venue-N/b.csv", "venue-N/old.csv");
        }
    }

    @Test
    void textWithTabsIsTextAndControlBytesMakeItBinary() {
        assertThat(InputFile.isBinary("a\tb,c\r\nd\n".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(InputFile.isBinary(new byte[] {'a', 0, 'b'})).isTrue();
        assertThat(InputFile.isBinary(new byte[] {1, 2, 3, 'a', 'b', 'c', 'd', 'e', 'f', 'g'})).isTrue();
    }
}
