package dev.periscope.io.lobster;

import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.quality.DataIssue;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LobsterBookReaderWriterTest {
    private static LobsterBookReader reader(String text, int levels, DataIssueLog log) {
        return new LobsterBookReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "b.csv", levels, log);
    }

    @Test
    void readsTheAaplTenLevelRows() throws Exception {
        DataIssueLog log = new DataIssueLog();
        try (LobsterBookReader r = new LobsterBookReader(SharedData.path("lobster/AAPL_2012-06-21_head999_orderbook_10.csv"), log)) {
            assertThat(r.levels()).isEqualTo(10);
            assertThat(r.next()).isTrue();
            // 5859400,200,5853300,18,5859800,200,5853000,150,...,5879000,500,5842700,300
            assertThat(r.depth(Side.SELL)).isEqualTo(10);
            assertThat(r.depth(Side.BUY)).isEqualTo(10);
            assertThat(r.price(Side.SELL, 0)).isEqualTo(Px.parse("585.94"));
            assertThat(r.size(Side.SELL, 0)).isEqualTo(Px.ofUnits(200));
            assertThat(r.price(Side.BUY, 0)).isEqualTo(Px.parse("585.33"));
            assertThat(r.size(Side.BUY, 0)).isEqualTo(Px.ofUnits(18));
            assertThat(r.price(Side.BUY, 9)).isEqualTo(Px.parse("584.27"));
            assertThat(r.sizeAt(Side.BUY, Px.parse("585.30"))).isEqualTo(Px.ofUnits(150));
            assertThat(r.price(Side.BUY, 10)).isEqualTo(Px.NONE);
            int rows = 1;
            while (r.next()) rows++;
            assertThat(rows).isEqualTo(999);
            assertThat(r.line()).isEqualTo(999);
        }
        assertThat(log.total()).isZero();
    }

    @Test
    void placeholdersAreAbsentLevelsAndBadRowsAreReported() {
        DataIssueLog log = new DataIssueLog();
        String text = String.join("\n",
                "1000000,5,999900,7,9999999999,0,-9999999999,0",    // 1: one level per side
                "9999999999,0,-9999999999,0,9999999999,0,-9999999999,0", // 2: empty book
                "9999999999,0,999900,7,1000100,3,-9999999999,0",    // 3: ask after placeholder
                "1000000,5,999900,7,1000100,3,999900,2",            // 4: bids not decreasing
                "1000000,5,999900,7,9999999999,4,-9999999999,0",    // 5: placeholder with size
                "1000000,5,999900,7,1000100,3",                     // 6: 6 fields
                "1000000,5,999900,x,1000100,3,999800,1");           // 7: not a number
        try (LobsterBookReader r = reader(text, 0, log)) {
            assertThat(r.next()).isTrue();
            assertThat(r.levels()).isEqualTo(2);
            assertThat(r.depth(Side.SELL)).isEqualTo(1);
            assertThat(r.depth(Side.BUY)).isEqualTo(1);
            assertThat(r.price(Side.SELL, 1)).isEqualTo(Px.NONE);
            assertThat(r.size(Side.SELL, 1)).isZero();
            assertThat(r.rawPrice(Side.SELL, 1)).isEqualTo(9_999_999_999L);
            assertThat(r.rawPrice(Side.BUY, 1)).isEqualTo(-9_999_999_999L);
            assertThat(r.next()).isTrue();
            assertThat(r.depth(Side.SELL)).isZero();
            assertThat(r.bestBid()).isEqualTo(Px.NONE);
            assertThat(r.next()).isFalse();
        }
        assertThat(log.firstIssues()).extracting(DataIssue::line).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(log.firstIssues()).extracting(DataIssue::field)
                .containsExactly("askPx2", "bidPx2", "askSz2", "", "bidSz1");
    }

    @Test
    void writerRoundTripsPlaceholders() {
        String text = "1000000,5,999900,7,9999999999,0,-9999999999,0\n9999999999,0,-9999999999,0,9999999999,0,-9999999999,0\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LobsterBookReader r = reader(text, 2, new DataIssueLog()); LobsterBookWriter w = new LobsterBookWriter(out, 2)) {
            while (r.next()) w.writeRow(r);
            assertThat(w.rows()).isEqualTo(2);
        }
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(text);
    }

    @Test
    void rewritingEachRealOrderbookFileReproducesItsBytes() throws Exception {
        for (String f : new String[]{"lobster/AAPL_2012-06-21_head999_orderbook_10.csv",
                "lobster/GOOG_2012-06-21_34200000_57600000_orderbook_1.csv",
                "lobster/AMZN_2012-06-21_34200000_57600000_orderbook_1.csv"}) {
            Path p = SharedData.path(f);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (LobsterBookReader r = new LobsterBookReader(p, new DataIssueLog());
                 LobsterBookWriter w = new LobsterBookWriter(out, r.levels())) {
                while (r.next()) w.writeRow(r);
            }
            byte[] orig = Files.readAllBytes(p);
            byte[] mine = out.toByteArray();
            if (orig[orig.length - 1] != '\n') {
                // the AAPL head999 copy was cut with `head` and lost its final newline; the writer always ends rows
                assertThat(mine.length).isEqualTo(orig.length + 1);
                assertThat(mine[mine.length - 1]).isEqualTo((byte) '\n');
                mine = java.util.Arrays.copyOf(mine, orig.length);
            }
            assertThat(mine).as(f).isEqualTo(orig);
        }
    }
}
