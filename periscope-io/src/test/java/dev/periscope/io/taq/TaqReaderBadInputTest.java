package dev.periscope.io.taq;

import dev.periscope.model.Px;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.quality.DataException;
import dev.periscope.model.quality.DataIssue;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.model.quality.IssuePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Small corrupted copies of the TAQ format: what is reported (file, line, field, kind) and skipped. */
class TaqReaderBadInputTest {
    @TempDir Path dir;

    static final String TRADES = """
            DT_EST,EX,SYMBOL,COND,SIZE,PRICE,CORR
            2018-01-02 05:01:21.479,P,XXX,FTI,2,157.8,0
            2018-01-02 05:01:22.000,P,XXX,FTI,2x,157.8,0
            2018-01-02 05:01:23.000,P,XXX,FTI,2,NaN,0
            2018-01-02 05:01:24.000,P,XXX,FTI,-5,157.8,0
            2018-01-02 05:01:25.000,P,XXX,FT?,2,157.8,0
            2018-01-02 05:01:26.000,!,XXX,,2,157.8,0
            2018-01-02 05:01:27.000,N,XXX,,0,157.8,0
            2018-01-02 05:01:28.000,N,XXX,,10,0,0
            2018-01-02 25:01:28.000,N,XXX,,10,157,0
            2018-01-02 05:01:29.000,N,XXX,,10,157
            2018-01-02 05:01:30.000,N,XXX,,10,157.1,1
            2018-01-02 05:01:31.123456789,N,YYY,F I,100,157.25,0
            """;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void badTradeRowsAreReportedWithLineFieldAndKindAndSkipped() throws IOException {
        Path f = write("t.csv", TRADES);
        DataIssueLog log = new DataIssueLog();
        List<TradeEvent> out = new ArrayList<>();
        try (TaqTradeReader r = new TaqTradeReader(f, log)) {
            for (MarketEvent e = r.next(); e != null; e = r.next()) out.add(((TradeEvent) e).copy());
            assertThat(r.rowsRead()).isEqualTo(12);
            assertThat(r.rowsSkipped()).isEqualTo(10);
        }
        assertThat(out).hasSize(2);
        assertThat(out.get(1).instrument.symbol()).isEqualTo("YYY");
        assertThat(out.get(1).sourceSeq).isEqualTo(13);
        assertThat(Instant.ofEpochSecond(0, out.get(1).tsEvent)).isEqualTo(Instant.parse("2018-01-02T10:01:31.123456789Z"));
        assertThat(log.firstIssues()).extracting(DataIssue::source, DataIssue::line, DataIssue::field, DataIssue::kind)
                .containsExactly(
                        tuple("t.csv", 3L, "SIZE", "bad-number"),
                        tuple("t.csv", 4L, "PRICE", "bad-number"),
                        tuple("t.csv", 5L, "SIZE", "bad-size"),
                        tuple("t.csv", 6L, "COND", "unknown-condition"),
                        tuple("t.csv", 7L, "EX", "unknown-participant"),
                        tuple("t.csv", 8L, "SIZE", "bad-size"),
                        tuple("t.csv", 9L, "PRICE", "bad-price"),
                        tuple("t.csv", 10L, "DT_EST", "bad-time"),
                        tuple("t.csv", 11L, "", "bad-row"),
                        tuple("t.csv", 12L, "CORR", "corrected-print"));
        assertThat(log.firstIssues().get(0).reason()).contains("2x");
        assertThat(log.firstIssues().get(1).reason()).contains("NaN");
        assertThat(log.firstIssues().get(2).reason()).contains("-5");
        assertThat(log.firstIssues().get(3).reason()).contains("FT?");
        assertThat(log.firstIssues().get(9).reason()).contains("CORR=1");
    }

    @Test
    void strictThrowsAtTheFirstBadRow() throws IOException {
        Path f = write("t.csv", TRADES);
        DataIssueLog log = new DataIssueLog(IssuePolicy.STRICT, 10, null);
        try (TaqTradeReader r = new TaqTradeReader(f, log)) {
            assertThat(r.next()).isNotNull();
            assertThatThrownBy(r::next).isInstanceOf(DataException.class)
                    .satisfies(e -> assertThat(((DataException) e).issue())
                            .extracting(DataIssue::line, DataIssue::field, DataIssue::kind)
                            .containsExactly(3L, "SIZE", "bad-number"));
        }
    }

    @Test
    void badQuoteRowsAndZeroMeansNoQuote() throws IOException {
        Path f = write("q.csv", """
                DT_EST,EX,BID,BIDSIZ,OFR,OFRSIZ,SYMBOL
                2018-01-02 09:30:00.000,N,157.00,2,157.02,3,XXX
                2018-01-02 09:30:00.001,N,157.05,2,157.02,3,XXX
                2018-01-02 09:30:00.002,N,NaN,2,157.02,3,XXX
                2018-01-02 09:30:00.003,N,157.00,-1,157.02,3,XXX
                2018-01-02 09:30:00.004,N,0,0,157.02,3,XXX
                2018-01-02 09:30:00.005,N,157.00,2,0,0,XXX
                2018-01-02 09:30:00.006,N,157.00,0,157.02,1,XXX
                2018-01-02 09:30:00.007,Q,157.01,1,157.01,1,XXX
                2018-01-02 09:30:00.008,N,-157.00,1,157.02,1,XXX
                """);
        DataIssueLog log = new DataIssueLog();
        List<QuoteEvent> out = new ArrayList<>();
        try (TaqQuoteReader r = new TaqQuoteReader(f, log)) {
            for (MarketEvent e = r.next(); e != null; e = r.next()) out.add(((QuoteEvent) e).copy());
        }
        assertThat(out).extracting(q -> q.sourceSeq).containsExactly(2L, 6L, 7L, 9L);
        assertThat(out.get(1).bidPrice).isEqualTo(Px.NONE);
        assertThat(out.get(1).bidSize).isZero();
        assertThat(out.get(1).askSize).isEqualTo(Px.ofUnits(300));
        assertThat(out.get(2).askPrice).isEqualTo(Px.NONE);
        assertThat(out.get(3).bidPrice).isEqualTo(out.get(3).askPrice); // locked venue quote passes
        assertThat(log.firstIssues()).extracting(DataIssue::line, DataIssue::field, DataIssue::kind)
                .containsExactly(
                        tuple(3L, "BID", "crossed-quote"),
                        tuple(4L, "BID", "bad-number"),
                        tuple(5L, "BIDSIZ", "bad-size"),
                        tuple(8L, "BIDSIZ", "bad-size"),
                        tuple(10L, "BID", "bad-price"));
        assertThat(log.firstIssues().get(0).reason()).contains("157.05").contains("157.02");
    }

    @Test
    void zoneComesFromTheHeaderOrTheOption() throws IOException {
        String row = "2018-07-02 09:30:00.000,N,XXX,,100,10,0\n";
        Path utc = write("u.csv", "DT_UTC,EX,SYMBOL,COND,SIZE,PRICE,CORR\n" + row);
        Path et = write("e.csv", "DT_ET,EX,SYMBOL,COND,SIZE,PRICE,CORR\n" + row);
        Path plain = write("p.csv", "DT,EX,SYMBOL,COND,SIZE,PRICE,CORR\n" + row);
        assertThat(first(utc, TaqOptions.DEFAULT)).isEqualTo(Instant.parse("2018-07-02T09:30:00Z"));
        assertThat(first(et, TaqOptions.DEFAULT)).isEqualTo(Instant.parse("2018-07-02T13:30:00Z")); // EDT = UTC-4
        assertThatThrownBy(() -> first(plain, TaqOptions.DEFAULT)).isInstanceOf(DataException.class)
                .hasMessageContaining("withZone");
        assertThat(first(plain, TaqOptions.DEFAULT.withZone(ZoneId.of("America/New_York"))))
                .isEqualTo(Instant.parse("2018-07-02T13:30:00Z"));
        // DT_EST is a fixed UTC-5 even in July
        Path est = write("s.csv", "DT_EST,EX,SYMBOL,COND,SIZE,PRICE,CORR\n" + row);
        assertThat(first(est, TaqOptions.DEFAULT)).isEqualTo(Instant.parse("2018-07-02T14:30:00Z"));
    }

    private static Instant first(Path p, TaqOptions o) {
        try (TaqTradeReader r = new TaqTradeReader(p, o, new DataIssueLog())) {
            return Instant.ofEpochSecond(0, r.next().tsEvent);
        }
    }
}
