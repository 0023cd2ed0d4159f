package dev.periscope.io.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Compression is told from the content (gzip's magic bytes), never from the file name. */
class FileInputTest {
    @TempDir
    Path tmp;

    private static String read(Path p) throws Exception {
        try (InputStream in = FileInput.open(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void gzipContentIsUnzippedWhateverItsNameAndPlainTextIsReadAsIs() throws Exception {
        Path gz = tmp.resolve("rows.csv");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }
        Path plain = Files.writeString(tmp.resolve("rows.csv.gz"), "c,d\n");
        assertThat(read(gz)).isEqualTo("a,b\n1,2\n");
        assertThat(read(plain)).isEqualTo("c,d\n");
        try (CsvLineReader r = CsvLineReader.open(gz, (byte) ',')) {
            assertThat(r.nextLine()).isTrue();
            assertThat(r.text(1)).isEqualTo("b");
        }
    }
}
