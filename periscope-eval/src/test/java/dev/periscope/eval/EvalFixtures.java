package dev.periscope.eval;

import dev.periscope.analytics.detect.Alert;
import dev.periscope.model.Px;
import dev.periscope.model.truth.GroundTruthLabel;

/** Hand-built alerts and labels for the evaluation tests. */
final class EvalFixtures {
    static final long HOUR = 3_600_000_000_000L;

    private EvalFixtures() {}

    static Alert alert(String detector, long t0, long t1, int side) {
        return alert(detector, t0, t1, side, Px.parse("10"), Px.parse("10"));
    }

    static Alert alert(String detector, long t0, long t1, int side, long lo, long hi) {
        return new Alert(detector, "p=1", detector, t0, t1, (byte) side, lo, hi, lo, Px.ofUnits(100), 1000.0, "N",
                1, 1, "test alert " + t0);
    }

    static GroundTruthLabel label(String kind, long t0, long t1, int side) {
        return GroundTruthLabel.of(kind, "XXX", (byte) side, t0, t1);
    }
}
