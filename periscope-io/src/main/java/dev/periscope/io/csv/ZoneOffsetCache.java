package dev.periscope.io.csv;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The UTC offset of a zone at an instant, cached between the zone's transitions, so that writing a local time per
 * row consults the zone rules only when a row crosses a daylight-saving change (or the zone changes). No allocation
 * on a cache hit. Not thread-safe.
 */
public final class ZoneOffsetCache {
    private ZoneRules rules;
    // the cached offset is valid for UTC ns in [validFrom, validTo)
    private long validFrom = 1, validTo = 0, offsetNanos;

    /** The offset of {@code zone} at epoch ns {@code tsNanos}, in nanoseconds (local = UTC + offset). */
    public long offsetNanos(ZoneId zone, long tsNanos) {
        ZoneRules r = zone.getRules();
        if (r != rules || tsNanos < validFrom || tsNanos >= validTo) load(r, tsNanos);
        return offsetNanos;
    }

    private void load(ZoneRules r, long tsNanos) {
        rules = r;
        Instant at = Instant.ofEpochSecond(Math.floorDiv(tsNanos, 1_000_000_000L));
        offsetNanos = r.getOffset(at).getTotalSeconds() * 1_000_000_000L;
        if (r.isFixedOffset()) { validFrom = Long.MIN_VALUE; validTo = Long.MAX_VALUE; return; }
        ZoneOffsetTransition prev = r.previousTransition(at.plusSeconds(1));
        ZoneOffsetTransition next = r.nextTransition(at);
        validFrom = prev == null ? Long.MIN_VALUE : prev.getInstant().getEpochSecond() * 1_000_000_000L;
        validTo = next == null ? Long.MAX_VALUE : next.getInstant().getEpochSecond() * 1_000_000_000L;
    }
}
