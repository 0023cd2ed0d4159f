package dev.periscope.app.cli;

import dev.periscope.io.taq.TaqFormat;
import dev.periscope.model.quality.DataException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks {@code tape}'s {@code --trades} and {@code --quotes} before the replay: both readable text files, not the
 * same file, and — for TAQ-style files, recognised from their header — each of the kind its option asks for (a
 * quotes file given as {@code --trades} would replay as zero trades and report nothing). A failure is a
 * {@link CliError} (exit code 2). Stateless.
 */
public final class TaqInputs {
    private TaqInputs() {}

    /**
     * Checks the inputs; {@code quotes} and the mappings may be null (a file with a mapping is generic CSV and is
     * not checked for its kind).
     */
    public static void check(Path trades, String tradesMapping, Path quotes, String quotesMapping) {
        InputFile.check(trades);
        if (tradesMapping == null) expect(trades, "--trades", TaqFormat.Kind.TRADES);
        if (quotes == null) return;
        InputFile.check(quotes);
        if (sameFile(trades, quotes)) throw CliError.usage("--trades and --quotes", "are the same file (" + trades + ")");
        if (quotesMapping == null) expect(quotes, "--quotes", TaqFormat.Kind.QUOTES);
    }

    private static void expect(Path file, String option, TaqFormat.Kind want) {
        TaqFormat.Kind kind;
        try {
            kind = TaqFormat.detect(file);
        } catch (DataException e) {
            throw CliError.file(file, "not a TAQ-style " + want.name().toLowerCase() + " file (its first line is not a "
                    + "TAQ header); give a column mapping with " + option + "-mapping");
        }
        if (kind != want) {
            String is = kind.name().toLowerCase();
            throw CliError.file(file, "is a " + is + " file (by its header), not " + want.name().toLowerCase() + "; give it as --" + is);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
