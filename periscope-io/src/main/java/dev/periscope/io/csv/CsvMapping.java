package dev.periscope.io.csv;

import dev.periscope.model.AssetClass;
import dev.periscope.model.Px;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How {@link GenericCsvReader} maps a user's CSV columns to trades, quotes or bars. Parsed from a one-line
 * {@code key=value} list ({@link #parse}), e.g. {@code type=trade, ts=time:iso, price=px, size=qty, side=side}.
 * The full syntax, with examples, is in {@code docs/formats-equity.md}; in short:
 *
 * <ul>
 *   <li>pairs are separated by ',', keys are case-insensitive, blanks around keys and values are ignored;</li>
 *   <li>a column is a header name (exact, case-sensitive) or {@code #N}, the N-th column counting from 1;</li>
 *   <li>{@code type} = trade | quote | bar (default trade);</li>
 *   <li>{@code ts} = {@code column:format}, format = s | ms | us | ns (epoch, decimals allowed) | iso | datetime
 *       (both: {@code yyyy-MM-dd[ T]HH:mm:ss[.f...][Z|±hh:mm]}) | date ({@code yyyy-MM-dd}); default iso;</li>
 *   <li>{@code zone} for timestamps without an offset (default UTC); {@code delim} = comma | tab | semicolon |
 *       pipe | space | one character; {@code header} = true | false (default true);</li>
 *   <li>trade: {@code price}, {@code size}; quote: {@code bid}, {@code bidsize}, {@code ask}, {@code asksize};
 *       bar: {@code open}, {@code high}, {@code low}, {@code close}, optional {@code volume}, {@code duration}
 *       (e.g. 1d, 5m, 60s, 250ms; default 1d);</li>
 *   <li>optional columns {@code side}, {@code venue}, {@code cond}, {@code symbol}; constants {@code venuecode}
 *       (default '?'), {@code instrument} (symbol when there is no symbol column; default the file name),
 *       {@code market} (default US), {@code asset} (default equity), {@code tick} (default 0.01), {@code lot}
 *       (size multiplier, default 1), {@code negprices} (allow prices &le; 0 in trades and bars, default false),
 *       {@code sidetype} = aggressor | maker | buyermaker (what the side column means, default aggressor).</li>
 * </ul>
 * Immutable.
 */
public record CsvMapping(Type type, Column ts, TimeFormat timeFormat, ZoneId zone, byte delimiter, boolean header,
                         Column price, Column size, Column bid, Column bidSize, Column ask, Column askSize,
                         Column open, Column high, Column low, Column close, Column volume, long durationNanos,
                         Column side, Column venue, Column conditions, Column symbol, char venueCode, String instrument,
                         String market, AssetClass assetClass, long tick, long lot, boolean negativePrices,
                         SideType sideType) {

    /**
     * What the {@code side} column says: the aggressor (default); the maker side (Coinbase public matches report
     * the maker, so the aggressor is the opposite); or Binance's "is the buyer the maker" flag (true means the
     * aggressor sold).
     */
    public enum SideType { AGGRESSOR, MAKER, BUYERMAKER }

    public enum Type { TRADE, QUOTE, BAR }

    /** Time column formats; the epoch ones count units since 1970-01-01T00:00Z. */
    public enum TimeFormat {
        S(1_000_000_000L), MS(1_000_000L), US(1_000L), NS(1L), ISO(0), DATETIME(0), DATE(0);

        final long unitNanos;

        TimeFormat(long unitNanos) { this.unitNanos = unitNanos; }

        public boolean isEpoch() { return unitNanos > 0; }
    }

    /** A column by header name, or by 0-based index when {@code name} is null. */
    public record Column(String name, int index) {
        static Column of(String ref) {
            if (ref.startsWith("#") && ref.length() > 1 && ref.substring(1).chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(ref.substring(1));
                if (n < 1) throw new IllegalArgumentException("column numbers start at #1: " + ref);
                return new Column(null, n - 1);
            }
            if (ref.isEmpty()) throw new IllegalArgumentException("empty column reference");
            return new Column(ref, -1);
        }

        @Override
        public String toString() { return name != null ? name : "#" + (index + 1); }
    }

    private static final Set<String> KEYS = Set.of("type", "ts", "zone", "delim", "header", "price", "size", "bid",
            "bidsize", "ask", "asksize", "open", "high", "low", "close", "volume", "duration", "side", "venue", "cond",
            "symbol", "venuecode", "instrument", "market", "asset", "tick", "lot", "negprices", "sidetype");

    /** Parses a mapping; throws {@link IllegalArgumentException} naming the offending key or value. */
    public static CsvMapping parse(String spec) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("expected key=value: '" + part.trim() + "'");
            String k = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String v = part.substring(eq + 1).trim();
            if (!KEYS.contains(k)) throw new IllegalArgumentException("unknown key '" + k + "'; keys: " + new java.util.TreeSet<>(KEYS));
            if (kv.put(k, v) != null) throw new IllegalArgumentException("key given twice: " + k);
        }
        Type type = switch (kv.getOrDefault("type", "trade").toLowerCase(Locale.ROOT)) {
            case "trade", "trades" -> Type.TRADE;
            case "quote", "quotes" -> Type.QUOTE;
            case "bar", "bars" -> Type.BAR;
            default -> throw new IllegalArgumentException("type must be trade, quote or bar: " + kv.get("type"));
        };
        String tsSpec = require(kv, "ts");
        int colon = tsSpec.lastIndexOf(':');
        Column ts;
        TimeFormat tf;
        if (colon < 0) {
            ts = Column.of(tsSpec);
            tf = TimeFormat.ISO;
        } else {
            ts = Column.of(tsSpec.substring(0, colon).trim());
            String f = tsSpec.substring(colon + 1).trim().toUpperCase(Locale.ROOT);
            try {
                tf = TimeFormat.valueOf(f);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("time format must be s, ms, us, ns, iso, datetime or date: " + f);
            }
        }
        ZoneId zone = kv.containsKey("zone") ? ZoneId.of(kv.get("zone")) : ZoneOffset.UTC;
        byte delim = delimiter(kv.getOrDefault("delim", "comma"));
        boolean header = bool(kv, "header", true);
        Column price = null, size = null, bid = null, bidSize = null, ask = null, askSize = null;
        Column open = null, high = null, low = null, close = null, volume = null;
        switch (type) {
            case TRADE -> { price = col(require(kv, "price")); size = col(require(kv, "size")); }
            case QUOTE -> {
                bid = col(require(kv, "bid")); bidSize = col(require(kv, "bidsize"));
                ask = col(require(kv, "ask")); askSize = col(require(kv, "asksize"));
            }
            case BAR -> {
                open = col(require(kv, "open")); high = col(require(kv, "high"));
                low = col(require(kv, "low")); close = col(require(kv, "close"));
                volume = kv.containsKey("volume") ? col(kv.get("volume")) : null;
            }
        }
        for (String k : new String[] {"price", "size", "bid", "bidsize", "ask", "asksize", "open", "high", "low", "close", "volume"}) {
            boolean used = switch (type) {
                case TRADE -> k.equals("price") || k.equals("size");
                case QUOTE -> k.startsWith("bid") || k.startsWith("ask");
                case BAR -> !(k.equals("price") || k.equals("size") || k.startsWith("bid") || k.startsWith("ask"));
            };
            if (!used && kv.containsKey(k)) throw new IllegalArgumentException("key '" + k + "' does not apply to type " + type);
        }
        long duration = kv.containsKey("duration") ? durationNanos(kv.get("duration")) : 86_400_000_000_000L;
        String vc = kv.getOrDefault("venuecode", "?");
        if (vc.length() != 1 || vc.charAt(0) >= 128) throw new IllegalArgumentException("venuecode must be one ASCII character: " + vc);
        AssetClass asset;
        try {
            asset = AssetClass.valueOf(kv.getOrDefault("asset", "equity").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("asset must be one of " + java.util.Arrays.toString(AssetClass.values()));
        }
        long tick = Px.parse(kv.getOrDefault("tick", "0.01"));
        if (tick <= 0) throw new IllegalArgumentException("tick must be > 0");
        long lot = Long.parseLong(kv.getOrDefault("lot", "1"));
        if (lot <= 0) throw new IllegalArgumentException("lot must be > 0");
        if (!header) {
            for (String k : kv.keySet()) {
                if (isColumnKey(k)) {
                    String ref = k.equals("ts") ? ts.toString() : kv.get(k);
                    if (!ref.startsWith("#")) throw new IllegalArgumentException("header=false needs #N columns: " + k + "=" + ref);
                }
            }
        }
        return new CsvMapping(type, ts, tf, zone, delim, header, price, size, bid, bidSize, ask, askSize,
                open, high, low, close, volume, duration,
                opt(kv, "side"), opt(kv, "venue"), opt(kv, "cond"), opt(kv, "symbol"), vc.charAt(0),
                kv.get("instrument"), kv.getOrDefault("market", "US"), asset, tick, lot, bool(kv, "negprices", false),
                sideType(kv.getOrDefault("sidetype", "aggressor")));
    }

    private static SideType sideType(String v) {
        try {
            return SideType.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sidetype must be aggressor, maker or buyermaker: " + v);
        }
    }

    private static boolean isColumnKey(String k) {
        return !Set.of("type", "zone", "delim", "header", "duration", "venuecode", "instrument", "market", "asset",
                "tick", "lot", "negprices", "sidetype").contains(k);
    }

    private static Column col(String ref) { return Column.of(ref); }

    private static Column opt(Map<String, String> kv, String k) {
        return kv.containsKey(k) ? Column.of(kv.get(k)) : null;
    }

    private static String require(Map<String, String> kv, String k) {
        String v = kv.get(k);
        if (v == null || v.isEmpty()) throw new IllegalArgumentException("missing key '" + k + "'");
        return v;
    }

    private static boolean bool(Map<String, String> kv, String k, boolean dflt) {
        String v = kv.get(k);
        if (v == null) return dflt;
        if (v.equalsIgnoreCase("true")) return true;
        if (v.equalsIgnoreCase("false")) return false;
        throw new IllegalArgumentException(k + " must be true or false: " + v);
    }

    static byte delimiter(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "comma" -> (byte) ',';
            case "tab", "\\t" -> (byte) '\t';
            case "semicolon" -> (byte) ';';
            case "pipe" -> (byte) '|';
            case "space" -> (byte) ' ';
            default -> {
                if (v.length() != 1 || v.charAt(0) >= 128 || v.charAt(0) == '"' || v.charAt(0) == '=') {
                    throw new IllegalArgumentException("delim must be comma, tab, semicolon, pipe, space or one ASCII character: " + v);
                }
                yield (byte) v.charAt(0);
            }
        };
    }

    /** "1d", "5m", "60s", "250ms", "100us", "10ns", "2h" to nanoseconds. */
    static long durationNanos(String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        if (i == 0) throw new IllegalArgumentException("duration must be a number and a unit (ns, us, ms, s, m, h, d): " + v);
        long n = Long.parseLong(s.substring(0, i));
        long unit = switch (s.substring(i)) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            case "d" -> 86_400_000_000_000L;
            default -> throw new IllegalArgumentException("duration unit must be ns, us, ms, s, m, h or d: " + v);
        };
        if (n <= 0) throw new IllegalArgumentException("duration must be > 0: " + v);
        return Math.multiplyExact(n, unit);
    }
}
