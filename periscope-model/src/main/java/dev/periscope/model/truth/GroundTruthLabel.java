package dev.periscope.model.truth;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;

import java.util.Arrays;
import java.util.Objects;

/**
 * One planted (or hand-labelled) market event whose truth is known: an iceberg, a sweep, a block print, a spoof,
 * absorption, a meta-order. Detectors are scored against these (see docs/evaluation.md). Immutable; the id arrays
 * are copied in and out.
 *
 * <p>Validation (constructor throws {@link IllegalArgumentException}): {@code kind} is a non-empty token of
 * {@code [a-z0-9-]} (e.g. {@code "iceberg"}, {@code "off-exchange-block"}); {@code instrument} is non-blank and has
 * no comma, quote or control character; {@code venue} has only {@code [A-Za-z0-9]} (empty = unknown or several
 * venues not listed); {@code side} is +1, -1 or 0; {@code 0 <= tsStart <= tsEnd}; {@code size >= 0}; the price
 * range is either both {@link Px#NONE} (unknown) or both set with {@code priceLow <= priceHigh}; ids are
 * non-negative; {@code note} has no control characters (so every label is one line in every file format).
 *
 * @param kind       what was planted: {@code iceberg}, {@code sweep}, {@code block}, {@code off-exchange-block},
 *                   {@code spoof}, {@code layering}, {@code absorption}, {@code meta-order}, ... (lower case)
 * @param instrument instrument id as {@link dev.periscope.model.Instrument#id()} ({@code "XXX"},
 *                   {@code "BINANCE:NKNUSDT"})
 * @param venue      venue/participant code(s) involved, e.g. {@code "D"} or {@code "KNPZ"} (ascending letters for
 *                   several); empty if unknown
 * @param side       side of the planted actor as an {@link Aggressor} byte: +1 the actor buys (iceberg or spoof
 *                   resting on the bid, buying sweep, buying meta-order, passive buyer absorbing sells), -1 sells,
 *                   0 unknown / not applicable. How this relates to a detector's alert side is set per kind in
 *                   the matcher's kind mapping.
 * @param tsStart    epoch ns of the event's start (first order or print involved)
 * @param tsEnd      epoch ns of the event's end (last order, cancel or print involved), {@code >= tsStart}
 * @param size       total size involved ({@link Px} fixed point, shares or coins); 0 if not applicable
 * @param priceLow   lowest price involved ({@link Px} fixed point) or {@link Px#NONE}
 * @param priceHigh  highest price involved or {@link Px#NONE}
 * @param orderIds   ids of the orders involved (venue order ids), ascending not required; may be empty
 * @param tradeIds   ids of the prints involved ({@link dev.periscope.model.event.TradeEvent#tradeId}); may be empty
 * @param note       free text, may be empty
 */
public record GroundTruthLabel(String kind, String instrument, String venue, byte side, long tsStart, long tsEnd,
                               long size, long priceLow, long priceHigh, long[] orderIds, long[] tradeIds,
                               String note) {

    private static final long[] NO_IDS = new long[0];

    public GroundTruthLabel {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(note, "note");
        String bad = kindProblem(kind);
        if (bad != null) throw new IllegalArgumentException(bad);
        bad = instrumentProblem(instrument);
        if (bad != null) throw new IllegalArgumentException(bad);
        bad = venueProblem(venue);
        if (bad != null) throw new IllegalArgumentException(bad);
        if (side != Aggressor.BUY && side != Aggressor.SELL && side != Aggressor.UNKNOWN)
            throw new IllegalArgumentException("side must be +1, -1 or 0: " + side);
        if (tsStart < 0) throw new IllegalArgumentException("tsStart < 0: " + tsStart);
        if (tsEnd < tsStart) throw new IllegalArgumentException("tsEnd < tsStart: " + tsEnd + " < " + tsStart);
        if (size < 0) throw new IllegalArgumentException("size < 0: " + Px.format(size));
        bad = priceProblem(priceLow, priceHigh);
        if (bad != null) throw new IllegalArgumentException(bad);
        orderIds = copyIds(orderIds, "orderIds");
        tradeIds = copyIds(tradeIds, "tradeIds");
        bad = noteProblem(note);
        if (bad != null) throw new IllegalArgumentException(bad);
    }

    /**
     * A label with no price range, no ids and no note: the minimum a matcher needs.
     */
    public static GroundTruthLabel of(String kind, String instrument, byte side, long tsStart, long tsEnd) {
        return new GroundTruthLabel(kind, instrument, "", side, tsStart, tsEnd, 0, Px.NONE, Px.NONE, NO_IDS, NO_IDS, "");
    }

    /** This label with a price range ({@link Px} fixed point). */
    public GroundTruthLabel withPrices(long low, long high) {
        return new GroundTruthLabel(kind, instrument, venue, side, tsStart, tsEnd, size, low, high, orderIds, tradeIds, note);
    }

    /** This label with a venue code string. */
    public GroundTruthLabel withVenue(String v) {
        return new GroundTruthLabel(kind, instrument, v, side, tsStart, tsEnd, size, priceLow, priceHigh, orderIds, tradeIds, note);
    }

    /** This label with a total size ({@link Px} fixed point). */
    public GroundTruthLabel withSize(long s) {
        return new GroundTruthLabel(kind, instrument, venue, side, tsStart, tsEnd, s, priceLow, priceHigh, orderIds, tradeIds, note);
    }

    /** This label with order and print ids (copied). */
    public GroundTruthLabel withIds(long[] orders, long[] trades) {
        return new GroundTruthLabel(kind, instrument, venue, side, tsStart, tsEnd, size, priceLow, priceHigh, orders, trades, note);
    }

    /** This label with a note. */
    public GroundTruthLabel withNote(String n) {
        return new GroundTruthLabel(kind, instrument, venue, side, tsStart, tsEnd, size, priceLow, priceHigh, orderIds, tradeIds, n);
    }

    /** True if the label carries a price range. */
    public boolean hasPrices() {
        return priceLow != Px.NONE;
    }

    /** Duration in ns ({@code tsEnd - tsStart}). */
    public long durationNanos() {
        return tsEnd - tsStart;
    }

    /** A copy of the order ids. */
    @Override
    public long[] orderIds() {
        return orderIds.clone();
    }

    /** A copy of the print ids. */
    @Override
    public long[] tradeIds() {
        return tradeIds.clone();
    }

    public int orderIdCount() { return orderIds.length; }

    public long orderId(int i) { return orderIds[i]; }

    public int tradeIdCount() { return tradeIds.length; }

    public long tradeId(int i) { return tradeIds[i]; }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroundTruthLabel l && kind.equals(l.kind) && instrument.equals(l.instrument)
                && venue.equals(l.venue) && side == l.side && tsStart == l.tsStart && tsEnd == l.tsEnd
                && size == l.size && priceLow == l.priceLow && priceHigh == l.priceHigh
                && Arrays.equals(orderIds, l.orderIds) && Arrays.equals(tradeIds, l.tradeIds) && note.equals(l.note);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(kind, instrument, venue, side, tsStart, tsEnd, size, priceLow, priceHigh, note);
        return 31 * (31 * h + Arrays.hashCode(orderIds)) + Arrays.hashCode(tradeIds);
    }

    @Override
    public String toString() {
        return kind + " " + instrument + (venue.isEmpty() ? "" : "@" + venue) + " " + Aggressor.label(side) + " ts="
                + tsStart + ".." + tsEnd + " size=" + Px.format(size)
                + (hasPrices() ? " px=" + Px.format(priceLow) + ".." + Px.format(priceHigh) : "")
                + " orders=" + orderIds.length + " prints=" + tradeIds.length + (note.isEmpty() ? "" : " : " + note);
    }

    // ---- field checks, shared with the label file readers so a bad row names its field ----

    /** Why {@code kind} is invalid, or null. */
    public static String kindProblem(String kind) {
        if (kind.isEmpty()) return "kind is empty";
        for (int i = 0; i < kind.length(); i++) {
            char c = kind.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
                return "kind must be lower-case letters, digits or '-': '" + kind + "'";
        }
        return null;
    }

    /** Why {@code instrument} is invalid, or null. */
    public static String instrumentProblem(String instrument) {
        if (instrument.isBlank()) return "instrument is blank";
        for (int i = 0; i < instrument.length(); i++) {
            char c = instrument.charAt(i);
            if (c == ',' || c == '"' || Character.isISOControl(c))
                return "instrument has a comma, quote or control character: '" + instrument + "'";
        }
        return null;
    }

    /** Why {@code venue} is invalid, or null. */
    public static String venueProblem(String venue) {
        for (int i = 0; i < venue.length(); i++) {
            char c = venue.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
                return "venue must be letters or digits: '" + venue + "'";
        }
        return null;
    }

    /** Why a price range is invalid, or null. */
    public static String priceProblem(long low, long high) {
        if ((low == Px.NONE) != (high == Px.NONE)) return "price range needs both low and high, or neither";
        if (low != Px.NONE && low > high)
            return "priceLow > priceHigh: " + Px.format(low) + " > " + Px.format(high);
        return null;
    }

    /** Why {@code note} is invalid, or null. */
    public static String noteProblem(String note) {
        for (int i = 0; i < note.length(); i++) {
            if (Character.isISOControl(note.charAt(i))) return "note has a control character at " + i;
        }
        return null;
    }

    private static long[] copyIds(long[] ids, String name) {
        if (ids == null || ids.length == 0) return NO_IDS;
        long[] c = ids.clone();
        for (long id : c) if (id < 0) throw new IllegalArgumentException(name + " has a negative id: " + id);
        return c;
    }
}
