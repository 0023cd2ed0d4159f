package dev.periscope.analytics.detect;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;

import java.util.Objects;

/**
 * One detected event. Immutable. Alerts are rare, so creating one may allocate; detectors allocate nothing on
 * trades that raise no alert.
 *
 * <p>Every alert names the detector and the exact parameters that produced it, so a result can always be
 * reproduced and compared across parameter sets (audit X-6).
 *
 * @param detector    detector name, e.g. {@code "sweep"}
 * @param params      the detector's parameters as {@code key=value,...}, e.g. {@code "window=50ms,minVenues=2,..."}
 * @param kind        what was found, detector-specific (e.g. {@code "block"}, {@code "off-exchange-block"},
 *                    {@code "iso-sweep"}, {@code "absorption-by-ask"}, {@code "high-without-cvd"})
 * @param tsStart     epoch ns of the first print of the event
 * @param tsEnd       epoch ns of the last print of the event ({@code >= tsStart})
 * @param side        {@link Aggressor} byte: the aggressor side of the flow the alert is about (for divergence:
 *                    the direction of the unconfirmed price extreme); {@link Aggressor#UNKNOWN} if not known
 * @param priceLow    lowest print price (fixed point, {@link Px})
 * @param priceHigh   highest print price (fixed point)
 * @param level       the price level the event is about (fixed point): the block price, the last sweep price,
 *                    the absorbed level, the new extreme; see each detector
 * @param totalSize   total size of the prints counted (fixed point, shares or coins)
 * @param notional    sum of price x size of those prints, in quote currency (dollars); finite
 * @param venues      distinct venue codes involved, ascending (e.g. {@code "KNPZ"}), empty if none
 * @param prints      number of prints counted
 * @param levels      distinct prices among those prints (levels walked), or 0 where the detector does not track it
 * @param description one human-readable line
 */
public record Alert(String detector, String params, String kind, long tsStart, long tsEnd, byte side,
                    long priceLow, long priceHigh, long level, long totalSize, double notional, String venues,
                    int prints, int levels, String description) {

    public Alert {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(venues, "venues");
        Objects.requireNonNull(description, "description");
        if (tsEnd < tsStart) throw new IllegalArgumentException("tsEnd < tsStart: " + tsEnd + " < " + tsStart);
        if (side != Aggressor.BUY && side != Aggressor.SELL && side != Aggressor.UNKNOWN)
            throw new IllegalArgumentException("side must be +1, -1 or 0: " + side);
        if (!Double.isFinite(notional)) throw new IllegalArgumentException("notional not finite: " + notional);
        if (prints < 0 || levels < 0 || totalSize < 0) throw new IllegalArgumentException("negative count or size");
    }

    /** One line with every field, for logs and reports. Allocates. */
    public String toLine() {
        return detector + " " + kind + " [" + params + "] ts=" + tsStart + ".." + tsEnd + " side="
                + Aggressor.label(side) + " px=" + Px.format(priceLow) + ".." + Px.format(priceHigh) + " level="
                + Px.format(level) + " size=" + Px.format(totalSize) + " notional=" + String.format("%.2f", notional)
                + " venues=" + venues + " prints=" + prints + " levels=" + levels + " : " + description;
    }
}
