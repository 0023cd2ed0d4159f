package dev.periscope.bench;

import dev.periscope.testkit.SharedData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The real TAQ sample of {@code shared/data/hf-taq-sample} (symbol XXX, 2018-01-02/03), located like the tests do
 * ({@link SharedData}: {@code -Dperiscope.shared.data=DIR}, {@code PERISCOPE_SHARED_DATA} or {@code ../shared/data}).
 * Row counts are compile-time constants because JMH's {@code @OperationsPerInvocation} needs them; every benchmark
 * checks them against the file at setup and refuses to run if they differ.
 */
final class TaqSample {
    static final String TRADES = "hf-taq-sample/XXX_trades_2018-01-02_03_taq.csv";
    static final String QUOTES = "hf-taq-sample/XXX_quotes_2018-01-02_03_taq.csv";
    /** Data rows (header excluded) of the trades file, good or bad. */
    static final int TRADE_ROWS = 77_263;
    /** Data rows (header excluded) of the quotes file, good or bad. */
    static final int QUOTE_ROWS = 131_401;

    private TaqSample() {}

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(SharedData.path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void check(String what, long expected, long actual) {
        if (expected != actual) {
            throw new IllegalStateException(what + ": expected " + expected + ", found " + actual
                    + " (did the sample change? update the constant)");
        }
    }
}
