package dev.periscope.io.crypto;

import dev.periscope.book.L2Book;
import dev.periscope.book.MutableL2Book;
import dev.periscope.book.ReferenceL2Book;
import dev.periscope.model.event.BookDeltaEvent;
import dev.periscope.model.event.FeedStatusEvent;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the replay of every sample recording: the printed statistics table line by line (first differing line
 * reported) and a SHA-256 over every field of every emitted event, against
 * {@code src/test/resources/pins/crypto-replay/<name>.pin} (our replay's output, not sample data: the samples are
 * read from {@code ../shared/data}; recorded before the decoder / book-sync split, 2026-12-08).
 * Regenerate only for an intended change: {@code -Dperiscope.golden.write=DIR}.
 */
class CryptoGoldenOutputTest {
    /** SHA-256 over all fields of every event, in order, plus counts. */
    static final class EventDigest implements MarketDataHandler {
        private final MessageDigest md;
        long events;

        EventDigest() {
            try { md = MessageDigest.getInstance("SHA-256"); } catch (NoSuchAlgorithmException e) { throw new AssertionError(e); }
        }

        private void header(char kind, MarketEvent e) {
            events++;
            put(kind + "|" + e.tsEvent + "|" + e.tsRecv + "|" + e.instrument + "|" + e.sourceSeq);
        }

        private void put(String s) { md.update((s + "\n").getBytes(StandardCharsets.UTF_8)); }

        @Override public void onBookDelta(BookDeltaEvent d) {
            header('D', d);
            put(d.venue + "|" + d.side + "|" + d.price + "|" + d.size + "|" + d.flags + "|" + d.updateId);
        }

        @Override public void onTrade(TradeEvent t) {
            header('T', t);
            put(t.venue + "|" + t.price + "|" + t.size + "|" + t.conditions + "|" + t.aggressor + "|" + t.tradeId);
        }

        @Override public void onFeedStatus(FeedStatusEvent f) {
            header('F', f);
            put(f.venue + "|" + f.synced + "|" + f.reason);
        }

        String hex() { return HexFormat.of().formatHex(md.digest()); }
    }

    /** The pin of a sample recording: named after what it holds, not after the sample file. */
    static String pinName(String sample) {
        return switch (sample) {
            case "BINANCE.ws.1.0" -> "binance-spot";
            case "BINANCE_FUTURES.ws.1.0" -> "binance-usdm-futures";
            case "KRAKEN.ws.50.0" -> "kraken-book";
            case "KRAKEN.ws.48.0" -> "kraken-trades";
            case "COINBASE.ws.28.0" -> "coinbase-legacy";
            case "COINBASE_advanced_trade_v3.jsonl.zst" -> "coinbase-advanced-v3";
            default -> throw new IllegalArgumentException("no pin for sample " + sample);
        };
    }

    static String golden(String file) throws IOException {
        return golden(file, L2Book::new);
    }

    static String golden(String file, Supplier<MutableL2Book> books) throws IOException {
        EventDigest d = new EventDigest();
        CryptoReplay.Result r = CryptoReplay.replay(SharedData.path("crypto-ws/" + file), d, new DataIssueLog(), books);
        return r.table() + "\nevents " + d.events + " sha256 " + d.hex() + "\n";
    }

    @Test
    void everySampleReplaysToThePinnedTableAndEvents() throws IOException {
        String write = System.getProperty("periscope.golden.write");
        for (String file : CryptoEventSourceTest.FILES) {
            String actual = golden(file);
            if (write != null) {
                Files.writeString(Path.of(write, pinName(file) + ".pin"), actual);
                continue;
            }
            String expected;
            try (InputStream in = getClass().getResourceAsStream("/pins/crypto-replay/" + pinName(file) + ".pin")) {
                assertThat(in).as("golden file for " + file).isNotNull();
                expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertSameLines(file, actual, expected);
        }
    }

    /** The twin: books backed by the TreeMap {@link ReferenceL2Book} give the same tables and events as the fast L2Book. */
    @Test
    void referenceBooksReplayEverySampleIdenticallyToTheFastBooks() throws IOException {
        int[] symbols = {4, 4, 10, 2, 10, 2}; // one book per symbol, all of them reference books
        for (int i = 0; i < symbols.length; i++) {
            String file = CryptoEventSourceTest.FILES[i];
            int[] made = {0};
            String reference = golden(file, () -> { made[0]++; return new ReferenceL2Book(); });
            assertThat(made[0]).as(file + " reference books made").isEqualTo(symbols[i]);
            assertSameLines(file, reference, golden(file));
        }
    }

    static void assertSameLines(String file, String actual, String expected) {
        List<String> a = actual.lines().toList(), e = expected.lines().toList();
        for (int i = 0; i < Math.max(a.size(), e.size()); i++) {
            assertThat(i < a.size() ? a.get(i) : "<missing>").as(file + " line " + (i + 1))
                    .isEqualTo(i < e.size() ? e.get(i) : "<missing>");
        }
    }
}
