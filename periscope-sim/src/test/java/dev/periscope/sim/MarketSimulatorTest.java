package dev.periscope.sim;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class MarketSimulatorTest {
    static SessionStats full;
    static MarketSimulator fullSim;

    @BeforeAll
    static void runDefaultSession() {
        fullSim = new MarketSimulator(SimConfig.defaults());
        full = new SessionStats(fullSim);
        System.out.printf("sim default session: %,d events (%,d trades, %,d quotes, %,d L3 orders; %,d book events on all venues) "
                        + "in %.2f s = %,.0f events/s; volume %,d, off-exchange %.1f%%, odd lots %,d, ISO %,d, blocks %d, W %d, 4 %d, T %d, "
                        + "mid %d, subpenny %d, kurtosis %.2f, locked %d, fair %.2f%n",
                full.events, full.trades, full.quotes, full.orders, fullSim.bookEvents(), full.nanos / 1e9,
                full.events / (full.nanos / 1e9), full.volume, 100.0 * full.offExVolume / full.volume, full.oddLots, full.iso,
                full.blocks, full.avgPrice, full.derivPriced, full.formT, full.midpointPrints, full.subPenny,
                full.minuteReturnExcessKurtosis(), full.lockedNbbo, fullSim.fairPrice());
        System.out.println("30-min buckets: " + java.util.Arrays.toString(full.bucketVolume));
    }

    @Test
    void eventsAreTimeOrdered() {
        assertThat(full.events).isGreaterThan(500_000);
        assertThat(full.outOfOrder).isZero();
    }

    @Test
    void producesRealisticCounts() {
        assertThat(full.trades).isBetween(100_000L, 500_000L);
        assertThat(fullSim.bookEvents()).isBetween(500_000L, 5_000_000L);
        assertThat(fullSim.groundTruth().tradeCount()).isEqualTo(full.trades);
    }
}
