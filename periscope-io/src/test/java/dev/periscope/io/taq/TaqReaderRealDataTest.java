package dev.periscope.io.taq;

import dev.periscope.model.Participant;
import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.quality.DataException;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.model.quality.IssuePolicy;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The TAQ readers on the real highfrequency sample; expected values computed independently with Python csv. */
class TaqReaderRealDataTest {
    static final Path TRADES = SharedData.path("hf-taq-sample/XXX_trades_2018-01-02_03_taq.csv");
    static final Path QUOTES = SharedData.path("hf-taq-sample/XXX_quotes_2018-01-02_03_taq.csv");

    @Test
    void tradesAllRowsCountsAndFirstLast() {
        DataIssueLog log = new DataIssueLog();
        long n = 0, dPrints = 0, sumSize = 0, isoPrints = 0, regular = 0;
        BigDecimal notional = BigDecimal.ZERO;
        TradeEvent first = null, last = null;
        Object instrument = null;
        try (TaqTradeReader r = new TaqTradeReader(TRADES, log)) {
            assertThat(r.zone()).isEqualTo(TaqFormat.EST);
            for (MarketEvent e = r.next(); e != null; e = r.next()) {
                TradeEvent t = (TradeEvent) e;
                if (first == null) { first = t.copy(); instrument = t.instrument; }
                assertThat(t.instrument).isSameAs(instrument);
                last = t;
                n++;
                if (Participant.ofCode(t.venue).isOffExchange()) dPrints++;
                if (SaleCondition.has(t.conditions, SaleCondition.INTERMARKET_SWEEP)) isoPrints++;
                if (t.conditions == SaleCondition.REGULAR_MASK) regular++;
                sumSize += t.size / Px.SCALE;
                notional = notional.add(BigDecimal.valueOf(t.price, 8).multiply(BigDecimal.valueOf(t.size, 8)));
            }
            assertThat(r.rowsRead()).isEqualTo(77_263);
            assertThat(r.rowsSkipped()).isEqualTo(2);
        }
        // 77,263 rows; the two CORR != 0 rows (8 = cancelled original, 10 = its cancel record) are excluded
        assertThat(n).isEqualTo(77_261);
        assertThat(dPrints).isEqualTo(23_695); // README's 23,697 D prints include both corrected rows
        assertThat(isoPrints).isEqualTo(30_578);
        assertThat(regular).isEqualTo(25_836);
        assertThat(sumSize).isEqualTo(9_999_951);
        assertThat(notional.stripTrailingZeros()).isEqualByComparingTo("1569585783.0883");
        assertThat(log.total()).isEqualTo(2);
        assertThat(log.count("corrected-print")).isEqualTo(2);
        assertThat(log.firstIssues().get(0).line()).isEqualTo(39_520);
        assertThat(log.firstIssues().get(0).field()).isEqualTo("CORR");
        assertThat(log.firstIssues().get(1).line()).isEqualTo(77_254);

        // 2018-01-02 05:01:21.479 EST = 10:01:21.479 UTC
        assertThat(Instant.ofEpochSecond(0, first.tsEvent)).isEqualTo(Instant.parse("2018-01-02T10:01:21.479Z"));
        assertThat(first.tsEvent).isEqualTo(1_514_887_281_479_000_000L);
        assertThat(first.venue).isEqualTo('P');
        assertThat(first.price).isEqualTo(Px.parse("157.8"));
        assertThat(first.size).isEqualTo(Px.ofUnits(2));
        assertThat(first.conditions).isEqualTo(SaleCondition.INTERMARKET_SWEEP.bit() | SaleCondition.FORM_T.bit()
                | SaleCondition.ODD_LOT.bit());
        assertThat(first.instrument.symbol()).isEqualTo("XXX");
        assertThat(first.sourceSeq).isEqualTo(2);
        assertThat(last.tsEvent).isEqualTo(1_515_027_337_790_000_000L);
        assertThat(last.venue).isEqualTo('D');
        assertThat(last.price).isEqualTo(Px.parse("157.45"));
        assertThat(last.size).isEqualTo(Px.ofUnits(15));
        assertThat(SaleCondition.codes(last.conditions)).isEqualTo("IT");
        assertThat(last.sourceSeq).isEqualTo(77_264);
    }

    @Test
    void keepPolicyEmitsCorrectedPrintsAndStrictStopsAtTheFirst() {
        DataIssueLog log = new DataIssueLog();
        long n = 0, d = 0;
        try (TaqTradeReader r = new TaqTradeReader(TRADES,
                TaqOptions.DEFAULT.withCorrections(TaqOptions.CorrectionPolicy.KEEP), log)) {
            for (MarketEvent e = r.next(); e != null; e = r.next()) {
                n++;
                if (((TradeEvent) e).venue == 'D') d++;
            }
        }
        assertThat(n).isEqualTo(77_263);
        assertThat(d).isEqualTo(23_697);
        assertThat(log.total()).isZero();

        DataIssueLog strict = new DataIssueLog(IssuePolicy.STRICT, 10, null);
        try (TaqTradeReader r = new TaqTradeReader(TRADES, strict)) {
            assertThatThrownBy(() -> { while (r.next() != null) { /* read */ } })
                    .isInstanceOf(DataException.class)
                    .satisfies(ex -> {
                        DataException de = (DataException) ex;
                        assertThat(de.issue().line()).isEqualTo(39_520);
                        assertThat(de.issue().kind()).isEqualTo("corrected-print");
                    });
        }
    }

    @Test
    void quotesAllRowsCountsAndFirstLast() {
        DataIssueLog log = new DataIssueLog();
        long n = 0, noBid = 0, noAsk = 0, nyse = 0, sumBid = 0, sumAsk = 0;
        QuoteEvent first = null, last = null, firstNoBid = null;
        try (TaqQuoteReader r = new TaqQuoteReader(QUOTES, log)) {
            for (MarketEvent e = r.next(); e != null; e = r.next()) {
                QuoteEvent q = (QuoteEvent) e;
                if (first == null) first = q.copy();
                last = q;
                n++;
                if (!q.hasBid()) { noBid++; assertThat(q.bidSize).isZero(); if (firstNoBid == null) firstNoBid = q.copy(); }
                if (!q.hasAsk()) { noAsk++; assertThat(q.askSize).isZero(); }
                if (q.venue == 'N') nyse++;
                sumBid += q.bidSize / Px.SCALE;
                sumAsk += q.askSize / Px.SCALE;
            }
        }
        assertThat(n).isEqualTo(131_401);
        assertThat(log.total()).isZero();
        assertThat(noBid).isEqualTo(52);
        assertThat(noAsk).isEqualTo(79);
        assertThat(nyse).isEqualTo(94_422);
        assertThat(sumBid).isEqualTo(25_402_900);
        assertThat(sumAsk).isEqualTo(25_119_900);
        assertThat(first.tsEvent).isEqualTo(1_514_883_853_125_000_000L); // 04:04:13.125 EST
        assertThat(first.venue).isEqualTo('P');
        assertThat(first.bidPrice).isEqualTo(Px.parse("156.57"));
        assertThat(first.bidSize).isEqualTo(Px.ofUnits(100));
        assertThat(first.askPrice).isEqualTo(Px.parse("158.85"));
        assertThat(first.askSize).isEqualTo(Px.ofUnits(100));
        assertThat(last.tsEvent).isEqualTo(1_515_027_451_880_000_000L);
        assertThat(last.venue).isEqualTo('K');
        assertThat(last.bidPrice).isEqualTo(Px.parse("157.15"));
        assertThat(last.askSize).isEqualTo(Px.ofUnits(300));
        assertThat(firstNoBid.sourceSeq).isEqualTo(2542);
        assertThat(firstNoBid.venue).isEqualTo('M');
        assertThat(firstNoBid.askPrice).isEqualTo(Px.parse("159.03"));
    }

    @Test
    void lotSizeOptionScalesQuoteSizes() {
        try (TaqQuoteReader r = new TaqQuoteReader(QUOTES, TaqOptions.DEFAULT.withLotSize(1), new DataIssueLog())) {
            QuoteEvent q = (QuoteEvent) r.next();
            assertThat(q.bidSize).isEqualTo(Px.ofUnits(1));
        }
    }

    @Test
    void formatIsRecognisedFromTheHeader() {
        assertThat(TaqFormat.detect(TRADES)).isEqualTo(TaqFormat.Kind.TRADES);
        assertThat(TaqFormat.detect(QUOTES)).isEqualTo(TaqFormat.Kind.QUOTES);
        try (var s = TaqFormat.open(QUOTES, TaqOptions.DEFAULT, new DataIssueLog())) {
            assertThat(s).isInstanceOf(TaqQuoteReader.class);
            assertThat(s.next()).isInstanceOf(QuoteEvent.class);
        }
        try (var s = TaqFormat.open(TRADES, TaqOptions.DEFAULT, new DataIssueLog())) {
            assertThat(s).isInstanceOf(TaqTradeReader.class);
            assertThat(s.name()).isEqualTo("XXX_trades_2018-01-02_03_taq.csv");
        }
        assertThatThrownBy(() -> new TaqTradeReader(QUOTES, new DataIssueLog()))
                .isInstanceOf(DataException.class).hasMessageContaining("quotes file, expected trades");
    }
}
