package dev.periscope.analytics.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An {@link AlertSink} that keeps every alert in arrival order. Not thread-safe. */
public final class AlertCollector implements AlertSink {
    private final List<Alert> alerts = new ArrayList<>();

    @Override
    public void accept(Alert alert) { alerts.add(alert); }

    /** Alerts received so far, in arrival order (read-only view). */
    public List<Alert> alerts() { return Collections.unmodifiableList(alerts); }

    public int size() { return alerts.size(); }

    public void clear() { alerts.clear(); }
}
