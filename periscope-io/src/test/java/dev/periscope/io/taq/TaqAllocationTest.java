package dev.periscope.io.taq;

import dev.periscope.book.nbbo.NbboBuilder;
import dev.periscope.io.csv.CsvMapping;
import dev.periscope.io.csv.GenericCsvReader;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readers and the NBBO builder allocate nothing per row: bytes allocated by this thread while streaming the
 * whole real file (after opening it) stay far below one byte per row. Uses the HotSpot thread-allocation counter.
 */
class TaqAllocationTest {
    static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void readersAndNbboDoNotAllocatePerRow() {
        Path quotes = SharedData.path("hf-taq-sample/XXX_quotes_2018-01-02_03_taq.csv");
        Path trades = SharedData.path("hf-taq-sample/XXX_trades_2018-01-02_03_taq.csv");
        for (int round = 0; round < 2; round++) { // the first round warms up classes
            NbboBuilder nbbo = new NbboBuilder();
            QuoteEvent out = new QuoteEvent();
            try (TaqQuoteReader r = new TaqQuoteReader(quotes, new DataIssueLog())) {
                long before = allocated();
                long n = 0;
                for (MarketEvent e = r.next(); e != null; e = r.next()) { nbbo.onQuote((QuoteEvent) e, out); n++; }
                long bytes = allocated() - before;
                if (round == 1) assertThat(bytes).as("bytes allocated for %d quote rows", n).isLessThan(n / 10);
            }
            try (TaqTradeReader r = new TaqTradeReader(trades,
                    TaqOptions.DEFAULT.withCorrections(TaqOptions.CorrectionPolicy.KEEP), new DataIssueLog())) {
                long before = allocated();
                long n = 0;
                while (r.next() != null) n++;
                long bytes = allocated() - before;
                if (round == 1) assertThat(bytes).as("bytes allocated for %d trade rows", n).isLessThan(n / 10);
            }
            try (GenericCsvReader r = new GenericCsvReader(trades, CsvMapping.parse(
                    "ts=DT_EST:datetime,zone=-05:00,price=PRICE,size=SIZE,venue=EX,cond=COND,symbol=SYMBOL"), new DataIssueLog())) {
                long before = allocated();
                long n = 0;
                while (r.next() != null) n++;
                long bytes = allocated() - before;
                if (round == 1) assertThat(bytes).as("bytes allocated for %d generic rows", n).isLessThan(n / 10);
            }
        }
    }
}
