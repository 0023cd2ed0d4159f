package dev.periscope.analytics.detect;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;

import java.util.Objects;

/**
 * One detected event. Immutable (its description and venue list are computed on first read and cached). Raising
 * an alert allocates this object and a small {@link AlertText}, never a String: the description and the venue codes
 * are written only when read ({@link #description()}, {@link #venues()}, {@link #toLine()}).
 *
 * <p>Every alert names the detector and the exact parameters that produced it, so a result can always be
 * reproduced and compared across parameter sets (audit X-6). Accessors (record style):
 * <ul>
 *   <li>{@code detector}: detector name, e.g. {@code "sweep"}; {@code params}: its parameters as {@code key=value,...}</li>
 *   <li>{@code kind}: what was found, detector-specific (e.g. {@code "block"}, {@code "iso-sweep"})</li>
 *   <li>{@code tsStart}, {@code tsEnd}: epoch ns of the first and last print of the event ({@code tsEnd >= tsStart})</li>
 *   <li>{@code side}: {@link Aggressor} byte, +1/-1/0 (unknown); {@code sideRole}: whose side it is ({@link SideRole})</li>
 *   <li>{@code priceLow}, {@code priceHigh}, {@code level}: fixed-point ({@link Px}) price range and the level the
 *       event is about (block price, last sweep price, absorbed level, new extreme)</li>
 *   <li>{@code totalSize}: fixed point; {@code notional}: sum of price x size in quote currency, finite</li>
 *   <li>{@code venues}: distinct venue codes, ascending (e.g. {@code "KNPZ"}); {@code prints}; {@code levels}
 *       (distinct prices, 0 where not tracked); {@code description}: one human-readable line</li>
 * </ul>
 */
public final class Alert {
    private final String detector, params, kind;
    private final long tsStart, tsEnd;
    private final byte side;
    private final SideRole sideRole;
    private final long priceLow, priceHigh, level, totalSize;
    private final double notional;
    private final long venueLo, venueHi;
    private final int prints, levels;
    private final AlertText text;
    private String venues, description;

    /** An alert with its description and venue codes as text (hand-built alerts, rare detectors). */
    public Alert(String detector, String params, String kind, long tsStart, long tsEnd, byte side,
                 long priceLow, long priceHigh, long level, long totalSize, double notional, String venues,
                 int prints, int levels, String description) {
        this(detector, params, kind, tsStart, tsEnd, side, SideRole.AGGRESSOR, priceLow, priceHigh, level, totalSize,
                notional, 0, 0, prints, levels, constant(description));
        this.venues = Objects.requireNonNull(venues, "venues");
    }

    /**
     * An alert whose venue codes ({@code venueLo}/{@code venueHi}: bit c set for ASCII code c, below and above 64)
     * and description ({@code text}) are written only when read.
     */
    public Alert(String detector, String params, String kind, long tsStart, long tsEnd, byte side, SideRole sideRole,
                 long priceLow, long priceHigh, long level, long totalSize, double notional, long venueLo,
                 long venueHi, int prints, int levels, AlertText text) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.params = Objects.requireNonNull(params, "params");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.sideRole = Objects.requireNonNull(sideRole, "sideRole");
        this.text = Objects.requireNonNull(text, "text");
        if (tsEnd < tsStart) throw new IllegalArgumentException("tsEnd < tsStart: " + tsEnd + " < " + tsStart);
        if (side != Aggressor.BUY && side != Aggressor.SELL && side != Aggressor.UNKNOWN)
            throw new IllegalArgumentException("side must be +1, -1 or 0: " + side);
        if (!Double.isFinite(notional)) throw new IllegalArgumentException("notional not finite: " + notional);
        if (prints < 0 || levels < 0 || totalSize < 0) throw new IllegalArgumentException("negative count or size");
        this.tsStart = tsStart;
        this.tsEnd = tsEnd;
        this.side = side;
        this.priceLow = priceLow;
        this.priceHigh = priceHigh;
        this.level = level;
        this.totalSize = totalSize;
        this.notional = notional;
        this.venueLo = venueLo;
        this.venueHi = venueHi;
        this.prints = prints;
        this.levels = levels;
    }

    /** A fixed description (rare alerts whose text is built at once). */
    public static AlertText constant(String description) {
        Objects.requireNonNull(description, "description");
        return a -> description;
    }

    public String detector() { return detector; }

    public String params() { return params; }

    public String kind() { return kind; }

    public long tsStart() { return tsStart; }

    public long tsEnd() { return tsEnd; }

    public byte side() { return side; }

    public SideRole sideRole() { return sideRole; }

    public long priceLow() { return priceLow; }

    public long priceHigh() { return priceHigh; }

    public long level() { return level; }

    public long totalSize() { return totalSize; }

    public double notional() { return notional; }

    public int prints() { return prints; }

    public int levels() { return levels; }

    /** Distinct venue codes, ascending. Allocates on first read. */
    public String venues() {
        String v = venues;
        if (v == null) venues = v = DetectSupport.venues(venueLo, venueHi);
        return v;
    }

    /** One human-readable line. Allocates on first read. */
    public String description() {
        String d = description;
        if (d == null) description = d = text.describe(this);
        return d;
    }

    /** One line with every field, for logs and reports. Allocates. */
    public String toLine() {
        return detector + " " + kind + " [" + params + "] ts=" + tsStart + ".." + tsEnd + " side="
                + Aggressor.label(side) + " px=" + Px.format(priceLow) + ".." + Px.format(priceHigh) + " level="
                + Px.format(level) + " size=" + Px.format(totalSize) + " notional=" + String.format("%.2f", notional)
                + " venues=" + venues() + " prints=" + prints + " levels=" + levels + " : " + description();
    }

    /** Equal when every field (the description and venue codes as text) is equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Alert a && detector.equals(a.detector) && params.equals(a.params) && kind.equals(a.kind)
                && tsStart == a.tsStart && tsEnd == a.tsEnd && side == a.side && sideRole == a.sideRole
                && priceLow == a.priceLow && priceHigh == a.priceHigh && level == a.level && totalSize == a.totalSize
                && Double.compare(notional, a.notional) == 0 && prints == a.prints && levels == a.levels
                && venues().equals(a.venues()) && description().equals(a.description());
    }

    @Override
    public int hashCode() {
        return Objects.hash(detector, kind, tsStart, tsEnd, side, level, totalSize, prints);
    }

    @Override
    public String toString() { return toLine(); }
}
