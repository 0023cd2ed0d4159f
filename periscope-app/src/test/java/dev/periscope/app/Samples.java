package dev.periscope.app;

import dev.periscope.testkit.SharedData;

import java.nio.file.Path;

/** The real sample files the command tests read (in ../shared/data). */
final class Samples {
    static final Path TRADES = SharedData.path("hf-taq-sample/XXX_trades_2018-01-02_03_taq.csv");
    static final Path QUOTES = SharedData.path("hf-taq-sample/XXX_quotes_2018-01-02_03_taq.csv");
    static final Path MSG = SharedData.path("lobster/AAPL_2012-06-21_head999_message_10.csv");
    static final Path BOOK = SharedData.path("lobster/AAPL_2012-06-21_head999_orderbook_10.csv");
    static final Path GOOG_BOOK = SharedData.path("lobster/GOOG_2012-06-21_34200000_57600000_orderbook_1.csv");

    private Samples() {}
}
