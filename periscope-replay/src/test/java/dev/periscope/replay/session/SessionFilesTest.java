package dev.periscope.replay.session;

import dev.periscope.io.taq.TaqFormat;
import dev.periscope.io.taq.TaqTradeReader;
import dev.periscope.model.Px;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.model.SaleCondition;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.sim.GroundTruth;
import dev.periscope.sim.MarketSimulator;
import dev.periscope.sim.SimConfig;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionFilesTest {
    // Row grammars, each first checked against the real sample files so they describe the real format
    static final Pattern TAQ_TRADE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3},[A-Z],[A-Z]+,(\"\"|[A-Z0-9][A-Z0-9 ]{0,3}),\\d+,\\d+(\\.\\d{1,6})?,\\d");
    static final Pattern TAQ_QUOTE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3},[A-Z],\\d+(\\.\\d{1,4})?,\\d+,\\d+(\\.\\d{1,4})?,\\d+,[A-Z]+");
    static final Pattern LOBSTER_MSG = Pattern.compile("\\d+\\.\\d{1,9},[1-7],\\d+,\\d+,-?\\d+,-?1");
    static final Pattern NINE_DECIMALS = Pattern.compile("\\d+\\.\\d{9}");
    static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    @TempDir
    static Path dir;
    static SimConfig cfg;
    static SessionFiles.Written written;
    static List<MarketEvent> events = new ArrayList<>();

    @BeforeAll
    static void writeShortSession() throws IOException {
        cfg = SimConfig.defaults().withSeed(7).withHours(LocalTime.of(9, 30), LocalTime.of(9, 45), false)
                .withExtendedHours(LocalTime.of(9, 15), LocalTime.of(10, 0))
                .withEvents(1, 1, 1, 1, 1);
        written = SessionFiles.write(cfg, dir, SessionFiles.LOBSTER_LEVELS, new MarketDataHandler() {
            @Override public void onTrade(TradeEvent t) { events.add(t.copy()); }
            @Override public void onQuote(QuoteEvent q) { events.add(q.copy()); }
            @Override public void onOrder(OrderEvent o) { events.add(o.copy()); }
        }, java.util.Set.of('Q', 'V', 'N'));
    }

    private static List<String> lines(Path p) throws IOException {
        try (Stream<String> s = Files.lines(p)) { return s.toList(); }
    }

    private static List<String> sampleLines(String rel, int n) throws IOException {
        try (Stream<String> s = Files.lines(SharedData.path(rel))) { return s.limit(n).toList(); }
    }

    @Test
    void labelsFileRoundTripsTheGroundTruthLabels() throws IOException {
        assertThat(written.labels().getFileName().toString()).isEqualTo("SIM_labels_" + cfg.date() + ".csv");
        assertThat(lines(written.labels()).get(0)).isEqualTo(dev.periscope.io.truth.LabelFormat.HEADER);
        // the same config simulated again gives the same labels, and the file reads back to exactly them
        MarketSimulator sim = new MarketSimulator(cfg);
        while (sim.next() != null) { }
        var expected = sim.groundTruth().labels();
        dev.periscope.model.quality.DataIssueLog issues = new dev.periscope.model.quality.DataIssueLog();
        var read = dev.periscope.io.truth.LabelReader.read(written.labels(), issues);
        assertThat(issues.total()).isZero();
        assertThat(expected).isNotEmpty();
        assertThat(written.labelRows()).isEqualTo(expected.size());
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void taqTradesFileHasTheSampleLayoutAndRoundTripsEveryPrint() throws IOException {
        List<String> sample = sampleLines("hf-taq-sample/XXX_trades_2018-01-02_03_taq.csv", 20_000);
        List<String> ours = lines(written.trades());
        assertThat(ours.get(0)).isEqualTo(sample.get(0));
        for (String row : sample.subList(1, sample.size())) if (!TAQ_TRADE.matcher(row).matches()) assertThat(row).matches(TAQ_TRADE);
        List<TradeEvent> trades = new ArrayList<>();
        for (MarketEvent e : events) if (e instanceof TradeEvent t) trades.add(t);
        assertThat(ours).hasSize(trades.size() + 1);
        assertThat(written.tradeRows()).isEqualTo(trades.size());
        boolean sawIsoOddLot = false, sawFormT = false;
        for (int i = 0; i < trades.size(); i++) {
            String row = ours.get(i + 1);
            String[] f = row.split(",", -1);
            TradeEvent t = trades.get(i);
            String cond = f[3].replace("\"", "");
            boolean ok = TAQ_TRADE.matcher(row).matches()
                    && LocalDateTime.parse(f[0], DT).atOffset(TaqFormat.EST).toInstant().toEpochMilli() == t.tsEvent / 1_000_000
                    && f[1].charAt(0) == t.venue && SaleCondition.maskOf(cond) == t.conditions
                    && Long.parseLong(f[4]) == t.size / Px.SCALE && Px.parse(f[5]) == t.price;
            if (!ok) assertThat(row).as("trade row %d for %s", i, t).isNull();
            sawIsoOddLot |= cond.equals("F I");
            sawFormT |= cond.equals("T");
        }
        assertThat(sawFormT).isTrue();
        assertThat(sawIsoOddLot).as("TAQ's positional condition field, as in the sample's 'F I'").isTrue();
        assertThat(lines(written.truth())).hasSize(trades.size() + 1);
    }

    /**
     * DT_EST means UTC-5 all year (as in the TAQ sample), so a summer session's file must hold times one hour behind
     * New York's daylight-saving clock and read back to the simulated instants. (The interim writer wrote New York
     * wall-clock time under the DT_EST header, so every summer file read back one hour late.)
     */
    @Test
    void summerSessionTimesReadBackToTheSimulatedInstants(@TempDir Path dir) throws IOException {
        SimConfig summer = SimConfig.defaults().withSeed(3).withSymbolAndDate("SIM", java.time.LocalDate.of(2026, 7, 15))
                .withHours(LocalTime.of(9, 30), LocalTime.of(9, 35), false);
        List<Long> simulated = new ArrayList<>();
        SessionFiles.Written w = SessionFiles.write(summer, dir, 1, new MarketDataHandler() {
            @Override public void onTrade(TradeEvent t) { simulated.add(t.tsEvent / 1_000_000 * 1_000_000); }
        });
        assertThat(lines(w.trades()).get(1)).startsWith("2026-07-15 08:30:");  // 09:30 EDT = 08:30 EST
        List<Long> read = new ArrayList<>();
        try (TaqTradeReader r = new TaqTradeReader(w.trades(), new DataIssueLog())) {
            for (MarketEvent e; (e = r.next()) != null; ) read.add(e.tsEvent);
        }
        assertThat(read).hasSize(simulated.size()).isEqualTo(simulated);
        long open = java.time.ZonedDateTime.of(2026, 7, 15, 9, 30, 0, 0, java.time.ZoneId.of("America/New_York"))
                .toInstant().getEpochSecond() * 1_000_000_000L;
        assertThat(read.get(0)).isBetween(open, open + 60_000_000_000L);
    }

    @Test
    void taqQuotesFileHasTheSampleLayoutWithRoundLotSizes() throws IOException {
        List<String> sample = sampleLines("hf-taq-sample/XXX_quotes_2018-01-02_03_taq.csv", 20_000);
        List<String> ours = lines(written.quotes());
        assertThat(ours.get(0)).isEqualTo(sample.get(0));
        for (String row : sample.subList(1, sample.size())) if (!TAQ_QUOTE.matcher(row).matches()) assertThat(row).matches(TAQ_QUOTE);
        List<QuoteEvent> quotes = new ArrayList<>();
        for (MarketEvent e : events) if (e instanceof QuoteEvent q && q.venue != QuoteEvent.NBBO) quotes.add(q);
        assertThat(ours).hasSize(quotes.size() + 1);
        for (int i = 0; i < quotes.size(); i++) {
            String row = ours.get(i + 1);
            String[] f = row.split(",");
            QuoteEvent q = quotes.get(i);
            boolean ok = TAQ_QUOTE.matcher(row).matches() && f[1].charAt(0) == q.venue
                    && (q.hasBid() ? Px.parse(f[2]) == q.bidPrice && Long.parseLong(f[3]) == Math.max(1, q.bidSize / Px.SCALE / 100)
                                   : (f[2] + "," + f[3]).equals("0,0"))
                    && (q.hasAsk() ? Px.parse(f[4]) == q.askPrice && Long.parseLong(f[5]) == Math.max(1, q.askSize / Px.SCALE / 100)
                                   : (f[4] + "," + f[5]).equals("0,0"));
            if (!ok) assertThat(row).as("quote row %d for %s", i, q).isNull();
        }
    }

    @Test
    void lobsterFilesMatchTheSampleFormatAndTheBookAfterEveryMessage() throws IOException {
        for (String row : sampleLines("lobster/GOOG_2012-06-21_34200000_57600000_message_1.csv", 5_000))
            if (!LOBSTER_MSG.matcher(row).matches()) assertThat(row).matches(LOBSTER_MSG);
        int sampleWidth = sampleLines("lobster/AAPL_2012-06-21_head999_orderbook_10.csv", 1).get(0).split(",").length;
        assertThat(written.messages().getFileName().toString()).isEqualTo("SIM_2026-11-24_33300000_36000000_message_10.csv");
        // the primary venue first, then the requested others in config order, each in venue-X/ under the same names
        assertThat(written.lobster()).extracting(SessionFiles.Lobster::venue).containsExactly('Q', 'N', 'V');
        assertThat(written.lobster().get(0).messages()).isEqualTo(written.messages());
        assertThat(written.lobster().get(2).messages()).isEqualTo(dir.resolve("venue-V").resolve(written.messages().getFileName()));
        assertThat(written.lobster().get(2).orderbook()).isEqualTo(dir.resolve("venue-V").resolve(written.orderbook().getFileName()));
        assertThat(Files.exists(dir.resolve("venue-P"))).as("P was not requested").isFalse();
        long total = 0;
        for (SessionFiles.Lobster l : written.lobster()) {
            total += checkLobster(l, sampleWidth);
        }
        assertThat(written.messageRows()).isEqualTo(written.lobster().get(0).rows());
        long notWritten = events.stream().filter(e -> e instanceof OrderEvent o && (o.venue == 'P' || o.venue == 'Z')).count();
        long allOrders = events.stream().filter(e -> e instanceof OrderEvent).count();
        assertThat(notWritten).as("P and Z emitted L3 but were not requested").isPositive();
        assertThat(total + notWritten).as("every order event in exactly one venue's file or in an unrequested venue's").isEqualTo(allOrders);
    }

    @Test
    void lobsterFilesOfOtherVenuesNeedTheirL3AndTheVenueMustBeLit() {
        assertThatThrownBy(() -> SessionFiles.write(cfg.withL3AllVenues(false), dir.resolve("x"), 10, null, java.util.Set.of('Q', 'V')))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need l3AllVenues");
        assertThatThrownBy(() -> SessionFiles.write(cfg, dir.resolve("x"), 10, null, java.util.Set.of('Q', 'D')))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'D' is not a simulated lit venue (one of NQPZV)");
        assertThatThrownBy(() -> SessionFiles.write(cfg, dir.resolve("x"), 10, null, java.util.Set.of('V')))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must include the primary");
        assertThat(Files.exists(dir.resolve("x"))).as("nothing written for a rejected request").isFalse();
    }

    /** Checks one venue's LOBSTER files row by row against that venue's order events; returns the rows. */
    private static long checkLobster(SessionFiles.Lobster lf, int sampleWidth) throws IOException {
        List<String> msgs = lines(lf.messages()), book = lines(lf.orderbook());
        List<OrderEvent> orders = new ArrayList<>();
        for (MarketEvent e : events) if (e instanceof OrderEvent o && o.venue == lf.venue()) orders.add(o);
        assertThat(orders).as("order events of " + lf.venue()).hasSizeGreaterThan(1_000);
        assertThat(msgs).hasSize(orders.size()).hasSize(book.size());
        assertThat(lf.rows()).isEqualTo(orders.size());
        TreeMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder()), asks = new TreeMap<>();
        StringBuilder expected = new StringBuilder(512);
        boolean sawHidden = false;
        long nsMidnight = cfg.date().atStartOfDay(cfg.zone()).toInstant().getEpochSecond() * 1_000_000_000L;
        for (int i = 0; i < msgs.size(); i++) {
            String m = msgs.get(i);
            OrderEvent o = orders.get(i);
            String[] f = m.split(",");
            if (!LOBSTER_MSG.matcher(m).matches() || !NINE_DECIMALS.matcher(f[0]).matches()
                    || nsMidnight + Long.parseLong(f[0].replace(".", "")) != o.tsEvent
                    || Long.parseLong(f[2]) != o.orderId || Long.parseLong(f[4]) * 10_000L != o.price
                    || Long.parseLong(f[3]) * Px.SCALE != o.size)
                assertThat(m).as("message row %d for %s", i, o).isNull();
            int type = Integer.parseInt(f[1]);
            long size = Long.parseLong(f[3]), price = Long.parseLong(f[4]);
            Map<Long, Long> side = f[5].equals("1") ? bids : asks;
            if (type == 1) side.merge(price, size, Long::sum);
            else if (type == 5) sawHidden = true; // hidden execution: the visible book does not change
            else {
                assertThat(type).isIn(2, 3, 4);
                long left = side.get(price) - size;
                if (left == 0) side.remove(price); else side.put(price, left);
            }
            expected.setLength(0);
            var ai = asks.entrySet().iterator();
            var bi = bids.entrySet().iterator();
            for (int l = 0; l < 10; l++) {
                var a = ai.hasNext() ? ai.next() : null;
                var bb = bi.hasNext() ? bi.next() : null;
                if (l > 0) expected.append(',');
                expected.append(a == null ? 9_999_999_999L : a.getKey()).append(',').append(a == null ? 0 : a.getValue()).append(',')
                        .append(bb == null ? -9_999_999_999L : bb.getKey()).append(',').append(bb == null ? 0 : bb.getValue());
            }
            if (!book.get(i).contentEquals(expected)) assertThat(book.get(i)).as("book row %d", i).isEqualTo(expected.toString());
        }
        assertThat(book.get(book.size() - 1).split(",")).hasSize(sampleWidth);
        assertThat(sawHidden).as("LOBSTER type 5 rows of " + lf.venue()).isTrue();
        return msgs.size();
    }
}
