package dev.periscope.io.taq;

import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.quality.DataException;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The InputStream constructors read exactly what the Path constructors read (real TAQ sample held in memory). */
class TaqReaderStreamTest {
    static final Path TRADES = SharedData.path("hf-taq-sample/XXX_trades_2018-01-02_03_taq.csv");
    static final Path QUOTES = SharedData.path("hf-taq-sample/XXX_quotes_2018-01-02_03_taq.csv");

    @Test
    void tradesFromBytesEqualTradesFromFile() throws Exception {
        byte[] bytes = Files.readAllBytes(TRADES);
        DataIssueLog fileLog = new DataIssueLog(), memLog = new DataIssueLog();
        long n = 0;
        try (TaqTradeReader f = new TaqTradeReader(TRADES, fileLog);
             TaqTradeReader m = new TaqTradeReader(new ByteArrayInputStream(bytes), "mem-trades", TaqOptions.DEFAULT, memLog)) {
            for (MarketEvent a = f.next(); a != null; a = f.next()) {
                TradeEvent x = ((TradeEvent) a).copy();
                TradeEvent y = (TradeEvent) m.next();
                assertThat(y).isNotNull();
                assertThat(y.tsEvent).isEqualTo(x.tsEvent);
                assertThat(y.price).isEqualTo(x.price);
                assertThat(y.size).isEqualTo(x.size);
                assertThat(y.venue).isEqualTo(x.venue);
                assertThat(y.conditions).isEqualTo(x.conditions);
                assertThat(y.sourceSeq).isEqualTo(x.sourceSeq);
                n++;
            }
            assertThat(m.next()).isNull();
            assertThat(m.rowsRead()).isEqualTo(77_263);
            assertThat(m.rowsSkipped()).isEqualTo(2);
            assertThat(m.name()).isEqualTo("mem-trades");
        }
        assertThat(n).isEqualTo(77_261);
        assertThat(memLog.total()).isEqualTo(2);
        assertThat(memLog.firstIssues().get(0).source()).isEqualTo("mem-trades");
        assertThat(memLog.firstIssues().get(0).line()).isEqualTo(39_520);
    }

    @Test
    void quotesFromBytesEqualQuotesFromFile() throws Exception {
        byte[] bytes = Files.readAllBytes(QUOTES);
        long n = 0;
        try (TaqQuoteReader f = new TaqQuoteReader(QUOTES, new DataIssueLog());
             TaqQuoteReader m = new TaqQuoteReader(new ByteArrayInputStream(bytes), "mem-quotes", TaqOptions.DEFAULT,
                     new DataIssueLog())) {
            for (MarketEvent a = f.next(); a != null; a = f.next()) {
                QuoteEvent x = ((QuoteEvent) a).copy();
                QuoteEvent y = (QuoteEvent) m.next();
                assertThat(y).isNotNull();
                assertThat(y.tsEvent).isEqualTo(x.tsEvent);
                assertThat(y.venue).isEqualTo(x.venue);
                assertThat(y.bidPrice).isEqualTo(x.bidPrice);
                assertThat(y.bidSize).isEqualTo(x.bidSize);
                assertThat(y.askPrice).isEqualTo(x.askPrice);
                assertThat(y.askSize).isEqualTo(x.askSize);
                assertThat(y.sourceSeq).isEqualTo(x.sourceSeq);
                n++;
            }
            assertThat(m.next()).isNull();
            assertThat(m.rowsRead()).isEqualTo(f.rowsRead());
        }
        assertThat(n).isGreaterThan(130_000);
    }

    @Test
    void streamWithWrongKindIsRejected() {
        byte[] quotes = "DT_EST,EX,BID,BIDSIZ,OFR,OFRSIZ,SYMBOL\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> new TaqTradeReader(new ByteArrayInputStream(quotes), "q", TaqOptions.DEFAULT,
                new DataIssueLog())).isInstanceOf(DataException.class).hasMessageContaining("q:");
    }
}
