package dev.periscope.io.taq;

import dev.periscope.io.csv.LineBuilder;
import dev.periscope.io.csv.TimestampParser;
import dev.periscope.model.Aggressor;
import dev.periscope.model.Instrument;
import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

class TaqWriterRoundTripTest {
    @TempDir Path dir;

    static final TaqOptions KEEP = TaqOptions.DEFAULT.withCorrections(TaqOptions.CorrectionPolicy.KEEP);

    @Test
    void realTradesFileRoundTripsToIdenticalEvents() {
        List<TradeEvent> original = readTrades(SharedData.path("hf-taq-sample/XXX_trades_2018-01-02_03_taq.csv"), KEEP);
        Path out = dir.resolve("trades.csv");
        try (TaqTradeWriter w = new TaqTradeWriter(out, TaqOptions.DEFAULT)) {
            for (TradeEvent t : original) w.write(t);
            assertThat(w.written()).isEqualTo(77_263);
        }
        List<TradeEvent> back = readTrades(out, KEEP);
        assertThat(back).hasSize(original.size());
        int firstDiff = -1;
        for (int i = 0; i < back.size() && firstDiff < 0; i++) {
            TradeEvent a = back.get(i), b = original.get(i);
            if (a.tsEvent != b.tsEvent || a.venue != b.venue || a.price != b.price || a.size != b.size
                    || a.conditions != b.conditions || !a.instrument.equals(b.instrument)) {
                firstDiff = i;
            }
        }
        assertThat(firstDiff).as("first differing trade").isEqualTo(-1);
        // written text keeps the original layout
        try {
            List<String> lines = Files.readAllLines(out);
            assertThat(lines.get(0)).isEqualTo("DT_EST,EX,SYMBOL,COND,SIZE,PRICE,CORR");
            assertThat(lines.get(1)).isEqualTo("2018-01-02 05:01:21.479,P,XXX,FIT,2,157.8,0");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void realQuotesFileRoundTripsToIdenticalEvents() {
        Path in = SharedData.path("hf-taq-sample/XXX_quotes_2018-01-02_03_taq.csv");
        List<QuoteEvent> original = readQuotes(in, TaqOptions.DEFAULT);
        Path out = dir.resolve("quotes.csv");
        try (TaqQuoteWriter w = new TaqQuoteWriter(out, TaqOptions.DEFAULT)) {
            for (QuoteEvent q : original) w.write(q);
        }
        List<QuoteEvent> back = readQuotes(out, TaqOptions.DEFAULT);
        assertThat(back).hasSize(131_401);
        int firstDiff = -1;
        for (int i = 0; i < back.size() && firstDiff < 0; i++) {
            QuoteEvent a = back.get(i), b = original.get(i);
            if (a.tsEvent != b.tsEvent || a.venue != b.venue || a.bidPrice != b.bidPrice || a.bidSize != b.bidSize
                    || a.askPrice != b.askPrice || a.askSize != b.askSize || a.instrument != back.get(0).instrument) {
                firstDiff = i;
            }
        }
        assertThat(firstDiff).as("first differing quote").isEqualTo(-1);
    }

    @Test
    void syntheticEventsRoundTripWithNanosecondsOtherZonesAndOddSizes() {
        Instrument abc = Instrument.usEquity("ABC");
        List<TradeEvent> trades = new ArrayList<>();
        long t0 = Instant.parse("2024-03-10T06:59:59.999999999Z").getEpochSecond() * 1_000_000_000L + 999_999_999L;
        long[] ts = {t0, t0 + 1, t0 + 1_000, t0 + 3_600_000_000_000L};
        long[] conds = {SaleCondition.REGULAR_MASK, SaleCondition.REGULAR_MASK | SaleCondition.ODD_LOT.bit(),
                SaleCondition.CROSS.bit() | SaleCondition.CLOSING_PRINT.bit(), SaleCondition.PLACEHOLDER_611_EXEMPT.bit()};
        for (int i = 0; i < ts.length; i++) {
            TradeEvent t = new TradeEvent().set(ts[i], Px.parse("0.0001") + i, Px.parse("0.5") * (i + 1), 'Q', conds[i], Aggressor.UNKNOWN);
            t.instrument = abc;
            trades.add(t);
        }
        for (ZoneId z : List.of(TaqFormat.EST, ZoneOffset.UTC, TaqFormat.NEW_YORK, ZoneId.of("Asia/Tokyo"))) {
            Path f = dir.resolve("syn-" + z.getId().replace('/', '_') + ".csv");
            try (TaqTradeWriter w = new TaqTradeWriter(f, TaqOptions.DEFAULT.withZone(z))) {
                trades.forEach(w::write);
            }
            // Tokyo writes a plain DT column; the reader then needs the zone
            List<TradeEvent> back = readTrades(f, TaqOptions.DEFAULT.withZone(z.getId().startsWith("Asia") ? z : null));
            assertThat(back).hasSize(trades.size());
            for (int i = 0; i < back.size(); i++) assertSameTrade(back.get(i), trades.get(i));
        }

        QuoteEvent q = new QuoteEvent().set(t0, 'Z', Px.NONE, 0, Px.parse("10.5"), Px.ofUnits(50));
        q.instrument = abc;
        Path f = dir.resolve("q.csv");
        try (TaqQuoteWriter w = new TaqQuoteWriter(f, TaqOptions.DEFAULT)) {
            w.write(q);
            QuoteEvent nbbo = q.copy();
            nbbo.venue = QuoteEvent.NBBO;
            assertThatThrownBy(() -> w.write(nbbo)).isInstanceOf(IllegalArgumentException.class);
        }
        QuoteEvent back = readQuotes(f, TaqOptions.DEFAULT).get(0);
        assertThat(back.bidPrice).isEqualTo(Px.NONE);
        assertThat(back.askSize).isEqualTo(Px.ofUnits(50)); // written as 0.5 lots
    }

    @Test
    void timestampTextRoundTripsInFixedZones() {
        LineBuilder lb = new LineBuilder();
        qt().forAll(longs().between(-2_000_000_000_000_000_000L, 4_000_000_000_000_000_000L),
                        integers().between(-18, 18))
                .checkAssert((ns, h) -> {
                    ZoneId z = ZoneOffset.ofHours(h);
                    String text = lb.reset().appendTimestamp(ns, z).toString();
                    byte[] b = text.getBytes();
                    assertThat(new TimestampParser(z).parse(b, 0, b.length)).as(text).isEqualTo(ns);
                    String expected = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                            .format(java.time.LocalDateTime.ofInstant(Instant.ofEpochSecond(0, ns), z));
                    assertThat(text).startsWith(expected);
                });
    }

    @Test
    void pxTextMatchesPxFormat() {
        LineBuilder lb = new LineBuilder();
        qt().forAll(longs().between(-Long.MAX_VALUE, Long.MAX_VALUE))
                .checkAssert(v -> assertThat(lb.reset().appendPx(v).toString()).isEqualTo(Px.format(v)));
    }

    static void assertSameTrade(TradeEvent a, TradeEvent b) {
        assertThat(a.tsEvent).isEqualTo(b.tsEvent);
        assertThat(a.venue).isEqualTo(b.venue);
        assertThat(a.price).isEqualTo(b.price);
        assertThat(a.size).isEqualTo(b.size);
        assertThat(a.conditions).isEqualTo(b.conditions);
        assertThat(a.instrument.symbol()).isEqualTo(b.instrument.symbol());
    }

    static List<TradeEvent> readTrades(Path p, TaqOptions o) {
        List<TradeEvent> out = new ArrayList<>();
        DataIssueLog log = new DataIssueLog();
        try (TaqTradeReader r = new TaqTradeReader(p, o, log)) {
            for (MarketEvent e = r.next(); e != null; e = r.next()) out.add(((TradeEvent) e).copy());
        }
        assertThat(log.total()).as(log.summary()).isZero();
        return out;
    }

    static List<QuoteEvent> readQuotes(Path p, TaqOptions o) {
        List<QuoteEvent> out = new ArrayList<>();
        DataIssueLog log = new DataIssueLog();
        try (TaqQuoteReader r = new TaqQuoteReader(p, o, log)) {
            for (MarketEvent e = r.next(); e != null; e = r.next()) out.add(((QuoteEvent) e).copy());
        }
        assertThat(log.total()).as(log.summary()).isZero();
        return out;
    }
}
