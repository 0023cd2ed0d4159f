package dev.periscope.analytics.detect;

import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;
import dev.periscope.testkit.SharedData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal, test-only reader of the highfrequency TAQ trade sample (columns DT_EST,EX,SYMBOL,COND,SIZE,PRICE,CORR;
 * times in EST = UTC-5). Keeps the raw strings next to the parsed values so tests can recompute facts with
 * BigDecimal independently of {@link Px}. Prints with CORR != 0 (corrected/cancelled) are dropped. Also signs
 * prints with the plain tick rule (Lee-Ready 1991's fallback rule) over "regular" prints per day.
 */
final class TaqSample {
    static final String FILE = "hf-taq-sample/XXX_trades_2018-01-02_03_taq.csv";
    /** Condition characters a print must not carry to be regular (written out here independently of the main code). */
    // 'B' is "average price trade" on the CTA tape (NYSE-listed, as this sample is), "bunched" only on UTP
    static final String NON_REGULAR_CHARS = "BCGHLMNOPQRUVWXZ45679";

    record Row(int day, long ts, char ex, String cond, BigDecimal size, BigDecimal price, long sizePx, long pricePx,
               long mask, byte tickSide) {
        boolean regular() {
            for (int i = 0; i < cond.length(); i++) if (NON_REGULAR_CHARS.indexOf(cond.charAt(i)) >= 0) return false;
            return true;
        }

        boolean iso() { return cond.indexOf('F') >= 0; }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"' ? s.substring(1, s.length() - 1) : s;
    }

    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private static List<Row> cached;

    /** The sample's rows (read once per test JVM; the list is unmodifiable). */
    static synchronized List<Row> load() {
        if (cached == null) cached = List.copyOf(read());
        return cached;
    }

    private static List<Row> read() {
        Path p = SharedData.path(FILE);
        List<Row> rows = new ArrayList<>(80_000);
        try {
            List<String> lines = Files.readAllLines(p);
            int lastDay = -1, cachedDay = -1;
            long midnight = 0;
            BigDecimal lastDiff = null;
            byte lastSide = 0;
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",", -1);
                if (!f[6].equals("0")) continue;
                String dt = f[0];   // yyyy-MM-dd HH:mm:ss.SSS, EST
                int day = Integer.parseInt(dt, 0, 4, 10) * 10_000 + Integer.parseInt(dt, 5, 7, 10) * 100
                        + Integer.parseInt(dt, 8, 10, 10);
                if (day != cachedDay) {
                    cachedDay = day;
                    midnight = LocalDateTime.parse(dt.substring(0, 10) + " 00:00:00.000", DT)
                            .toEpochSecond(ZoneOffset.ofHours(-5)) * 1_000_000_000L;
                }
                long ts = midnight + ((Integer.parseInt(dt, 11, 13, 10) * 60L + Integer.parseInt(dt, 14, 16, 10)) * 60L
                        + Integer.parseInt(dt, 17, 19, 10)) * 1_000_000_000L + Integer.parseInt(dt, 20, 23, 10) * 1_000_000L;
                String cond = unquote(f[3]);
                BigDecimal size = new BigDecimal(f[4]), price = new BigDecimal(f[5]);
                if (day != lastDay) { lastDay = day; lastDiff = null; lastSide = 0; }
                Row proto = new Row(day, ts, f[1].charAt(0), cond, size, price, 0, 0, 0, (byte) 0);
                byte side = 0;
                if (proto.regular()) {
                    if (lastDiff != null) {
                        int c = price.compareTo(lastDiff);
                        side = c > 0 ? 1 : c < 0 ? (byte) -1 : lastSide;
                        if (c != 0) lastDiff = price;
                    } else {
                        lastDiff = price;
                    }
                    lastSide = side;
                }
                long mask = SaleCondition.maskOf(cond);
                if (mask < 0) throw new IllegalStateException("unknown condition in line " + (i + 1) + ": " + cond);
                rows.add(new Row(day, ts, proto.ex(), cond, size, price, Px.parse(f[4]), Px.parse(f[5]), mask, side));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
