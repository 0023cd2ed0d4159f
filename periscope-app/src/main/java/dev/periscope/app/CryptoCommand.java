package dev.periscope.app;

import dev.periscope.io.crypto.CryptoReplay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code periscope crypto FILE...}: replays recorded crypto WebSocket sessions (Binance spot/futures with their REST
 * snapshots, Kraken book with CRC32 checksums, Coinbase legacy and Advanced Trade) and reports per venue and
 * symbol: messages, book updates, trades, gaps/resyncs, checksum failures and the final top of book.
 */
@Command(name = "crypto", mixinStandardHelpOptions = true,
        description = {"Replay crypto WebSocket recordings through local books (documented sync procedures).",
                "Binance needs its REST snapshot recording (*.http.*) in the same folder."})
public final class CryptoCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "recording files (venue detected from content)")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        int rc = 0;
        for (Path f : files) {
            CryptoReplay.Result r = CryptoReplay.replay(f);
            System.out.println(r.table());
            System.out.println();
            if (r.format() == CryptoReplay.Format.UNKNOWN) rc = 2;
        }
        return rc;
    }
}
