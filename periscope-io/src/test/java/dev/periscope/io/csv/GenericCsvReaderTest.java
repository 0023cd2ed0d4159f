package dev.periscope.io.csv;

import dev.periscope.io.taq.TaqOptions;
import dev.periscope.io.taq.TaqQuoteReader;
import dev.periscope.io.taq.TaqTradeReader;
import dev.periscope.model.Aggressor;
import dev.periscope.model.AssetClass;
import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;
import dev.periscope.model.event.BarEvent;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.quality.DataException;
import dev.periscope.model.quality.DataIssue;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.model.quality.IssuePolicy;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class GenericCsvReaderTest {
    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static List<MarketEvent> readAll(GenericCsvReader r) {
        List<MarketEvent> out = new ArrayList<>();
        for (MarketEvent e = r.next(); e != null; e = r.next()) {
            out.add(switch (e) {
                case TradeEvent t -> t.copy();
                case QuoteEvent q -> q.copy();
                case BarEvent b -> b.copy();
                default -> throw new AssertionError(e);
            });
        }
        return out;
    }

    @Test
    void tradesWithEpochMillisSideAndBadRows() throws IOException {
        Path f = write("btc.csv", """
                time,px,qty,side
                1633998512068,0.3513,6195,buy
                1633998512069.5,0.3514,10,S
                1633998512070,NaN,10,buy
                1633998512071,0.35,-3,sell
                1633998512072,0.35,3,sideways
                ,0.35,3,buy
                1633998512073,0.35,3
                1633998512074,"0.3515",7,
                """);
        DataIssueLog log = new DataIssueLog();
        List<MarketEvent> ev;
        try (GenericCsvReader r = new GenericCsvReader(f,
                CsvMapping.parse("ts=time:ms,price=px,size=qty,side=side,instrument=NKNUSDT,market=BINANCE,asset=crypto_spot,tick=0.0001"), log)) {
            ev = readAll(r);
            assertThat(r.rowsRead()).isEqualTo(8);
            assertThat(r.rowsSkipped()).isEqualTo(5);
        }
        assertThat(ev).hasSize(3);
        TradeEvent t0 = (TradeEvent) ev.get(0), t1 = (TradeEvent) ev.get(1), t2 = (TradeEvent) ev.get(2);
        assertThat(t0.tsEvent).isEqualTo(1_633_998_512_068_000_000L);
        assertThat(t0.price).isEqualTo(Px.parse("0.3513"));
        assertThat(t0.size).isEqualTo(Px.ofUnits(6195));
        assertThat(t0.aggressor).isEqualTo(Aggressor.BUY);
        assertThat(t0.instrument.id()).isEqualTo("BINANCE:NKNUSDT");
        assertThat(t0.instrument.assetClass()).isEqualTo(AssetClass.CRYPTO_SPOT);
        assertThat(t0.venue).isEqualTo('?');
        assertThat(t1.tsEvent).isEqualTo(1_633_998_512_069_500_000L);
        assertThat(t1.aggressor).isEqualTo(Aggressor.SELL);
        assertThat(t2.price).isEqualTo(Px.parse("0.3515")); // quoted field
        assertThat(t2.aggressor).isEqualTo(Aggressor.UNKNOWN);
        assertThat(t2.sourceSeq).isEqualTo(9);
        assertThat(log.firstIssues()).extracting(DataIssue::source, DataIssue::line, DataIssue::field, DataIssue::kind)
                .containsExactly(
                        tuple("btc.csv", 4L, "px", "bad-number"),
                        tuple("btc.csv", 5L, "qty", "bad-size"),
                        tuple("btc.csv", 6L, "side", "bad-side"),
                        tuple("btc.csv", 7L, "time", "bad-time"),
                        tuple("btc.csv", 8L, "", "bad-row"));
        assertThat(log.firstIssues().get(2).reason()).contains("sideways");

        DataIssueLog strict = new DataIssueLog(IssuePolicy.STRICT, 5, null);
        try (GenericCsvReader r = new GenericCsvReader(f, CsvMapping.parse("ts=time:ms,price=px,size=qty,side=side"), strict)) {
            r.next();
            r.next();
            assertThatThrownBy(r::next).isInstanceOf(DataException.class).hasMessageContaining("btc.csv:4");
        }
    }

    @Test
    void quotesWithIsoOffsetsTabsAndNoHeader() throws IOException {
        Path f = write("q.tsv", "2024-03-10T01:59:59.5-05:00\tN\t10.00\t3\t10.02\t4\n"
                + "2024-03-10 03:00:00.000000001\tP\t0\t0\t10.03\t1\n"
                + "2024-03-10T08:00:00Z\tQ\t10.05\t1\t10.04\t1\n"
                + "2024-03-10T08:00:01Z\tQ\t\t\t10.04\t1\n");
        DataIssueLog log = new DataIssueLog();
        List<MarketEvent> ev;
        try (GenericCsvReader r = new GenericCsvReader(f, CsvMapping.parse(
                "type=quote,header=false,delim=tab,ts=#1:iso,venue=#2,bid=#3,bidsize=#4,ask=#5,asksize=#6,zone=America/New_York,lot=100,instrument=XXX"), log)) {
            ev = readAll(r);
        }
        assertThat(ev).hasSize(3);
        QuoteEvent q0 = (QuoteEvent) ev.get(0), q1 = (QuoteEvent) ev.get(1), q2 = (QuoteEvent) ev.get(2);
        assertThat(Instant.ofEpochSecond(0, q0.tsEvent)).isEqualTo(Instant.parse("2024-03-10T06:59:59.500Z"));
        assertThat(q0.venue).isEqualTo('N');
        assertThat(q0.bidSize).isEqualTo(Px.ofUnits(300));
        // 03:00 local on the spring-forward day is EDT (UTC-4)
        assertThat(Instant.ofEpochSecond(0, q1.tsEvent)).isEqualTo(Instant.parse("2024-03-10T07:00:00.000000001Z"));
        assertThat(q1.bidPrice).isEqualTo(Px.NONE);
        assertThat(q1.bidSize).isZero();
        assertThat(q2.bidPrice).isEqualTo(Px.NONE);
        assertThat(q2.sourceSeq).isEqualTo(4);
        assertThat(log.firstIssues()).extracting(DataIssue::line, DataIssue::field, DataIssue::kind)
                .containsExactly(tuple(3L, "#3", "crossed-quote"));
    }

    @Test
    void byteOrderMarkAndMakerSideConventions() throws IOException {
        Path f = dir.resolve("agg.csv");
        byte[] body = "ts,p,q,m\n1633998512.0633569,1.5,2,true\n1633998513,1.5,2,False\n1633998514,1.5,2,maybe\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF; withBom[1] = (byte) 0xBB; withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(f, withBom);
        DataIssueLog log = new DataIssueLog();
        List<MarketEvent> ev;
        try (GenericCsvReader r = new GenericCsvReader(f, CsvMapping.parse("ts=ts:s,price=p,size=q,side=m,sidetype=buyermaker"), log)) {
            ev = readAll(r);
        }
        assertThat(ev).hasSize(2);
        assertThat(ev.get(0).tsEvent).isEqualTo(1_633_998_512_063_356_900L);
        assertThat(((TradeEvent) ev.get(0)).aggressor).isEqualTo(Aggressor.SELL); // buyer was maker: taker sold
        assertThat(((TradeEvent) ev.get(1)).aggressor).isEqualTo(Aggressor.BUY);
        assertThat(log.firstIssues()).extracting(DataIssue::line, DataIssue::kind).containsExactly(tuple(4L, "bad-side"));

        Path cb = write("cb.csv", "time,price,size,side\n2021-04-17T16:43:37.1Z,1,1,buy\n2021-04-17T16:43:38Z,1,1,sell\n");
        try (GenericCsvReader r = new GenericCsvReader(cb, CsvMapping.parse("ts=time,price=price,size=size,side=side,sidetype=maker"), log)) {
            ev = readAll(r);
        }
        assertThat(((TradeEvent) ev.get(0)).aggressor).isEqualTo(Aggressor.SELL); // maker bought: taker sold
        assertThat(((TradeEvent) ev.get(1)).aggressor).isEqualTo(Aggressor.BUY);
        assertThat(Instant.ofEpochSecond(0, ev.get(0).tsEvent)).isEqualTo(Instant.parse("2021-04-17T16:43:37.100Z"));
    }

    @Test
    void unknownColumnIsAConfigurationError() throws IOException {
        Path f = write("t.csv", "a,b,c\n1,2,3\n");
        assertThatThrownBy(() -> new GenericCsvReader(f, CsvMapping.parse("ts=a:s,price=b,size=qty"), new DataIssueLog()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column 'qty'");
    }

    @Test
    void taqTradesThroughAGenericMappingGiveTheSameEventsAsTheTaqReader() {
        Path taq = SharedData.path("hf-taq-sample/XXX_trades_2018-01-02_03_taq.csv");
        List<TradeEvent> expected = new ArrayList<>();
        try (TaqTradeReader r = new TaqTradeReader(taq, TaqOptions.DEFAULT.withCorrections(TaqOptions.CorrectionPolicy.KEEP), new DataIssueLog())) {
            for (MarketEvent e = r.next(); e != null; e = r.next()) expected.add(((TradeEvent) e).copy());
        }
        DataIssueLog log = new DataIssueLog();
        int i = 0;
        long mismatchLine = -1;
        try (GenericCsvReader r = new GenericCsvReader(taq, CsvMapping.parse(
                "ts=DT_EST:datetime,zone=-05:00,price=PRICE,size=SIZE,venue=EX,cond=COND,symbol=SYMBOL"), log)) {
            for (MarketEvent e = r.next(); e != null; e = r.next(), i++) {
                TradeEvent a = (TradeEvent) e, b = expected.get(i);
                if (mismatchLine < 0 && (a.tsEvent != b.tsEvent || a.price != b.price || a.size != b.size
                        || a.venue != b.venue || a.conditions != b.conditions || a.sourceSeq != b.sourceSeq
                        || !a.instrument.equals(b.instrument))) mismatchLine = a.sourceSeq;
            }
        }
        assertThat(mismatchLine).isEqualTo(-1);
        assertThat(i).isEqualTo(77_263).isEqualTo(expected.size());
        assertThat(log.total()).isZero();
        assertThat(SaleCondition.codes(expected.get(0).conditions)).isEqualTo("FIT");
    }

    @Test
    void taqQuotesThroughAGenericMappingGiveTheSameEventsAsTheTaqReader() {
        Path taq = SharedData.path("hf-taq-sample/XXX_quotes_2018-01-02_03_taq.csv");
        List<QuoteEvent> expected = new ArrayList<>();
        try (TaqQuoteReader r = new TaqQuoteReader(taq, new DataIssueLog())) {
            for (MarketEvent e = r.next(); e != null; e = r.next()) expected.add(((QuoteEvent) e).copy());
        }
        DataIssueLog log = new DataIssueLog();
        int i = 0;
        long mismatchLine = -1;
        try (GenericCsvReader r = new GenericCsvReader(taq, CsvMapping.parse("type=quote,ts=DT_EST:datetime,zone=-05:00,"
                + "bid=BID,bidsize=BIDSIZ,ask=OFR,asksize=OFRSIZ,lot=100,venue=EX,symbol=SYMBOL"), log)) {
            for (MarketEvent e = r.next(); e != null; e = r.next(), i++) {
                QuoteEvent a = (QuoteEvent) e, b = expected.get(i);
                if (mismatchLine < 0 && (a.tsEvent != b.tsEvent || a.bidPrice != b.bidPrice || a.bidSize != b.bidSize
                        || a.askPrice != b.askPrice || a.askSize != b.askSize || a.venue != b.venue
                        || a.sourceSeq != b.sourceSeq)) mismatchLine = a.sourceSeq;
            }
        }
        assertThat(mismatchLine).isEqualTo(-1);
        assertThat(i).isEqualTo(131_401).isEqualTo(expected.size());
        assertThat(log.total()).isZero();
    }

    @Test
    void realDailyBarsGzippedWithMissingValuesAndInconsistentBars() {
        Path f = SharedData.path("sp500-daily-5yr/all_stocks_5yr.csv.gz");
        DataIssueLog log = new DataIssueLog();
        long n = 0, volume = 0;
        BarEvent first = null, last = null;
        java.util.Set<Object> instruments = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        try (GenericCsvReader r = new GenericCsvReader(f, CsvMapping.parse("type=bar,ts=date:date,zone=America/New_York,"
                + "open=open,high=high,low=low,close=close,volume=volume,symbol=Name,duration=1d"), log)) {
            for (MarketEvent e = r.next(); e != null; e = r.next()) {
                BarEvent b = (BarEvent) e;
                if (first == null) first = b.copy();
                last = b;
                instruments.add(b.instrument);
                n++;
                volume += b.volume / Px.SCALE;
            }
            assertThat(r.rowsRead()).isEqualTo(619_040);
        }
        // oracle (Python csv + Decimal): 11 rows with empty values, 12 whose high/low do not contain open/close
        assertThat(log.count("missing-value")).isEqualTo(11);
        assertThat(log.count("bad-bar")).isEqualTo(12);
        assertThat(log.total()).isEqualTo(23);
        assertThat(n).isEqualTo(619_017);
        assertThat(instruments).hasSize(505);
        assertThat(volume).isEqualTo(2_675_344_631_359L);
        assertThat(first.instrument.symbol()).isEqualTo("AAL");
        assertThat(Instant.ofEpochSecond(0, first.tsEvent)).isEqualTo(Instant.parse("2013-02-08T05:00:00Z"));
        assertThat(first.open).isEqualTo(Px.parse("15.07"));
        assertThat(first.close).isEqualTo(Px.parse("14.75"));
        assertThat(first.volume).isEqualTo(Px.ofUnits(8_407_500));
        assertThat(first.durationNanos).isEqualTo(86_400_000_000_000L);
        assertThat(last.instrument.symbol()).isEqualTo("ZTS");
        assertThat(last.high).isEqualTo(Px.parse("75"));
    }
}
