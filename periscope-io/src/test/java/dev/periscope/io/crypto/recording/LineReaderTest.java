package dev.periscope.io.crypto.recording;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The word-at-a-time newline search and the line splitting against a naive byte loop. */
class LineReaderTest {
    @Test
    void indexOfNewlineEqualsNaiveSearchOnRandomBytes() {
        Random rnd = new Random(20261124);
        byte[] alphabet = {'\n', '\r', (byte) 0x80, (byte) 0x8A, 0x0B, 0x09, 0, (byte) 0xFF, 'a', '{'};
        for (int trial = 0; trial < 20_000; trial++) {
            byte[] b = new byte[rnd.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                b[i] = rnd.nextInt(4) == 0 ? alphabet[rnd.nextInt(alphabet.length)] : (byte) rnd.nextInt(256);
            }
            int from = b.length == 0 ? 0 : rnd.nextInt(b.length + 1);
            int limit = from + rnd.nextInt(b.length - from + 1);
            int naive = -1;
            for (int i = from; i < limit; i++) if (b[i] == '\n') { naive = i; break; }
            assertThat(LineReader.indexOfNewline(b, from, limit)).isEqualTo(naive);
        }
    }

    @Test
    void splitsLinesLikeANaiveSplitAcrossSmallReads() {
        Random rnd = new Random(7);
        StringBuilder sb = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int n = 0; n < 3000; n++) {
            StringBuilder line = new StringBuilder();
            int len = rnd.nextInt(n % 100 == 0 ? 200_000 : 60);
            for (int i = 0; i < len; i++) line.append((char) ('a' + rnd.nextInt(26)));
            expected.add(line.toString());
            sb.append(line).append(rnd.nextBoolean() ? "\r\n" : "\n");
        }
        sb.append("last-without-newline");
        expected.add("last-without-newline");
        byte[] all = sb.toString().getBytes(StandardCharsets.US_ASCII);
        InputStream dribble = new ByteArrayInputStream(all) {
            @Override public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + rnd.nextInt(5000)));
            }
        };
        List<String> got = new ArrayList<>();
        try (LineReader r = new LineReader(dribble)) {
            while (r.next()) {
                got.add(new String(r.buf(), r.start(), r.end() - r.start(), StandardCharsets.US_ASCII));
                assertThat(r.lineNo()).isEqualTo(got.size());
            }
        }
        assertThat(got).isEqualTo(expected);
    }
}
