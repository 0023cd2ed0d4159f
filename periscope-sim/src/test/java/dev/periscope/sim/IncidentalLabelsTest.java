package dev.periscope.sim;

import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.truth.GroundTruthLabel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link GroundTruth#incidentalLabels()}: the real but unplanted sweeps of a session (every aggressive parent order
 * that took several venues or prices), re-derived here from the emitted tape and the per-print parent ids.
 */
class IncidentalLabelsTest {
    static final long F = SaleCondition.INTERMARKET_SWEEP.bit();
    static MarketSimulator sim;
    static final List<TradeEvent> tape = new ArrayList<>();

    @BeforeAll
    static void run() {
        sim = new MarketSimulator(SimConfig.defaults().withSeed(3).withHours(LocalTime.of(10, 0), LocalTime.of(11, 0), false));
        MarketEvent e;
        while ((e = sim.next()) != null) {
            if (e instanceof TradeEvent t) tape.add(new TradeEvent().copyFrom(t));
        }
    }

    /** Per parent: prints, shares, venues, min/max price, first/last ts, trade ids. */
    static final class Group {
        long shares, low = Long.MAX_VALUE, high = Long.MIN_VALUE, first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        final java.util.TreeSet<Character> venues = new java.util.TreeSet<>();
        final List<Long> ids = new ArrayList<>();
        GroundTruth.Agent agent;
        byte side;
    }

    @Test
    void everyMultiVenueOrMultiPriceParentOrderIsOneLabelWithExactlyItsPrints() {
        GroundTruth gt = sim.groundTruth();
        Map<Integer, Group> groups = new TreeMap<>();
        for (TradeEvent t : tape) {
            int p = gt.parentOrder(t.tradeId);
            if (p == 0) continue;
            Group g = groups.computeIfAbsent(p, k -> new Group());
            GroundTruth.Agent a = gt.agent(t.tradeId);
            byte side = gt.aggressor(t.tradeId);
            if (g.agent == null) { g.agent = a; g.side = side; }
            // one parent order = one agent and one side
            assertThat(a).as("agent of parent " + p).isEqualTo(g.agent);
            assertThat(side).as("side of parent " + p).isEqualTo(g.side);
            g.shares += t.size / Px.SCALE;
            g.low = Math.min(g.low, t.price); g.high = Math.max(g.high, t.price);
            g.first = Math.min(g.first, t.tsEvent); g.last = Math.max(g.last, t.tsEvent);
            g.venues.add(t.venue);
            g.ids.add(t.tradeId);
        }
        List<String> expected = new ArrayList<>();
        for (Group g : groups.values()) {
            if (g.agent == GroundTruth.Agent.SWEEP || (g.venues.size() < 2 && g.low == g.high)) continue;
            StringBuilder v = new StringBuilder();
            for (char c : g.venues) v.append(c);
            expected.add(g.first + "," + g.last + "," + g.side + "," + v + "," + g.shares + "," + g.low + "," + g.high + "," + g.ids);
        }
        List<String> actual = new ArrayList<>();
        for (GroundTruthLabel l : gt.incidentalLabels()) {
            assertThat(l.kind()).isEqualTo("sweep");
            List<Long> ids = new ArrayList<>();
            for (long id : l.tradeIds()) ids.add(id);
            actual.add(l.tsStart() + "," + l.tsEnd() + "," + l.side() + "," + l.venue() + "," + l.size() / Px.SCALE + ","
                    + l.priceLow() + "," + l.priceHigh() + "," + ids);
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(actual.size()).as("an hour of the default market has thousands of multi-venue orders").isGreaterThan(1000);
    }

    @Test
    void offExchangePrintsHaveNoParentAndLitAggressivePrintsDo() {
        GroundTruth gt = sim.groundTruth();
        long arbIso = 0, technical = 0;
        for (TradeEvent t : tape) {
            int p = gt.parentOrder(t.tradeId);
            GroundTruth.Agent a = gt.agent(t.tradeId);
            if (t.venue == 'D') assertThat(p).as("TRF print %d", t.tradeId).isZero();
            if (a == GroundTruth.Agent.NOISE || a == GroundTruth.Agent.ARBITRAGE || a == GroundTruth.Agent.SWEEP
                    || a == GroundTruth.Agent.BURST || a == GroundTruth.Agent.MOMENTUM || a == GroundTruth.Agent.MEAN_REVERSION) {
                if (a == GroundTruth.Agent.MOMENTUM || a == GroundTruth.Agent.MEAN_REVERSION) technical++;
                if (t.venue != 'D') assertThat(p).as("lit print %d of %s", t.tradeId, a).isPositive();
            }
            if (a == GroundTruth.Agent.ARBITRAGE) {
                assertThat(t.conditions & F).as("arbitrage prints are ISO").isNotZero();
                arbIso++;
            }
        }
        assertThat(arbIso).isPositive();
        assertThat(technical).as("momentum and mean-reversion prints").isPositive();
        // planted news sweeps stay in labels() and are not repeated
        for (GroundTruthLabel l : gt.incidentalLabels())
            for (long id : l.tradeIds()) assertThat(gt.agent(id)).isNotEqualTo(GroundTruth.Agent.SWEEP);
    }

    /** Consecutive-step arbitrage ISOs on one side form one episode (one parent), so an episode can exceed one ISO's 5,000 shares. */
    @Test
    void arbitrageEpisodesSpanConsecutiveIsos() {
        GroundTruth gt = sim.groundTruth();
        long maxArb = 0;
        for (GroundTruthLabel l : gt.incidentalLabels()) {
            if (gt.agent(l.tradeIds()[0]) == GroundTruth.Agent.ARBITRAGE) maxArb = Math.max(maxArb, l.size() / Px.SCALE);
        }
        assertThat(maxArb).isGreaterThan(5_000);
    }
}
