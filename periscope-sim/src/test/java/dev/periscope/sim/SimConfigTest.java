package dev.periscope.sim;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimConfigTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        SimConfig c = SimConfig.defaults();
        assertThat(c.seed()).isEqualTo(42);
        assertThat(c.venues()).extracting(SimConfig.Venue::code).containsExactly('N', 'Q', 'P', 'Z', 'V');
        assertThat(c.l3Venue()).isEqualTo('Q');
        assertThat(c.regularOpen()).isEqualTo(LocalTime.of(9, 30));
        assertThat(c.regularClose()).isEqualTo(LocalTime.of(16, 0));
        assertThat(c.tick()).isEqualTo(1_000_000L); // $0.01 in Px units
        assertThat(c.dailyVolatility()).isEqualTo(0.015);
        // 2026-11-24 is in EST (UTC-5): 09:30 ET = 14:30 UTC
        assertThat(c.epochNanos(LocalTime.of(9, 30))).isEqualTo(Instant.parse("2026-11-24T14:30:00Z").getEpochSecond() * 1_000_000_000L);
    }

    @Test
    void withHoursWithoutExtendedDropsPreAndPostMarket() {
        SimConfig c = SimConfig.defaults().withHours(LocalTime.of(10, 0), LocalTime.of(11, 0), false);
        assertThat(c.extendedOpen()).isEqualTo(LocalTime.of(10, 0));
        assertThat(c.extendedClose()).isEqualTo(LocalTime.of(11, 0));
        assertThat(SimConfig.defaults().withHours(LocalTime.of(10, 0), LocalTime.of(11, 0), true).extendedOpen()).isEqualTo(LocalTime.of(8, 0));
    }

    @Test
    void rejectsInconsistentConfigs() {
        SimConfig d = SimConfig.defaults();
        assertThatThrownBy(() -> d.withL3Venue('V').withL3Venue('X')).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimConfig.Venue('D', 0.1)).hasMessageContaining("not a lit participant");
        assertThatThrownBy(() -> d.withHours(LocalTime.of(16, 0), LocalTime.of(9, 30), false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withIntensity(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withIntensity(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withStartPrice(0.5)).hasMessageContaining("100 ticks");
        assertThatThrownBy(() -> d.withStartPrice(5_000)).hasMessageContaining("100,000 ticks");
        assertThatThrownBy(() -> d.withTapeLatency(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimConfig(1, "X", d.date(), d.zone(), List.of(new SimConfig.Venue('N', 1), new SimConfig.Venue('N', 1)), 'N',
                d.regularOpen(), d.regularClose(), d.extendedOpen(), d.extendedClose(), 100, d.tick(), 0.01, 1, 1, 1, 1, 1, 0,
                5, 1, 0, 0, 0, 0, 100, 0, 0, 0, 0, false, 0, 0, 0)).hasMessageContaining("duplicate venue");
    }

    @Test
    void plantedPatternCountsHaveDefaultsAndAreCarriedByEveryWither() {
        SimConfig d = SimConfig.defaults();
        assertThat(d.patterns()).isEqualTo(new SimConfig.Patterns(4, 6, 3)).isEqualTo(SimConfig.Patterns.DEFAULTS);
        SimConfig p = d.withPatterns(new SimConfig.Patterns(1, 2, 0));
        assertThat(p.withSeed(5).withHours(LocalTime.of(10, 0), LocalTime.of(11, 0), false).withEvents(0, 0, 0, 0, 0)
                .withTapeLatency(0, 0).withHiddenMidpointShare(0).withIntensity(2).patterns()).isEqualTo(new SimConfig.Patterns(1, 2, 0));
        // the earlier 34-argument constructor still works and means the default patterns without the technical
        // traders and execution styles (the market before them)
        SimConfig legacy = new SimConfig(d.seed(), d.symbol(), d.date(), d.zone(), d.venues(), d.l3Venue(), d.regularOpen(),
                d.regularClose(), d.extendedOpen(), d.extendedClose(), d.startPrice(), d.tick(), d.dailyVolatility(), d.intensity(),
                d.limitRate(), d.marketRate(), d.cancelRate(), d.offExchangeRate(), d.extendedActivity(), d.mmLevels(),
                d.mmHalfSpreadTicks(), d.impactPerShare(), d.jumpsPerDay(), d.jumpSize(), d.metaOrders(), d.metaOrderShares(),
                d.sweeps(), d.blocks(), d.averagePricePrints(), d.derivativelyPricedPrints(), d.emitNbbo(), d.tapeLatencyMicros(),
                d.trfLatencyMillis(), d.hiddenMidpointShare());
        assertThat(legacy).isEqualTo(d.withStrategies(SimConfig.Strategies.NONE).withL3AllVenues(false));
        assertThat(legacy.withStrategies(SimConfig.Strategies.DEFAULTS).withL3AllVenues(true)).isEqualTo(d);
        // every lit venue's L3 by default; the withers carry the flag
        assertThat(d.l3AllVenues()).isTrue();
        assertThat(legacy.l3AllVenues()).isFalse();
        assertThat(d.withL3AllVenues(false).withSeed(9).withL3Venue('N').l3AllVenues()).isFalse();
        assertThat(d.strategies().style(2)).isEqualTo(SimConfig.ExecutionStyle.POV);
        assertThat(d.strategies().style(7)).isEqualTo(SimConfig.ExecutionStyle.VWAP);
        assertThat(d.withSeed(3).withEvents(1, 0, 0, 0, 0).withIntensity(2).strategies()).isEqualTo(SimConfig.Strategies.DEFAULTS);
        assertThatThrownBy(() -> new SimConfig.Strategies(-1, 0, 300, 1800, List.of(), 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimConfig.Strategies(1, 1, 0, 1800, List.of(), 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimConfig.Strategies(1, 1, 300, 1800, List.of(), 0.6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimConfig.Patterns(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimConfig.Patterns(0, 1001, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void groupsHoldTheDefaultsAndWithersChangeOnlyTheirGroup() {
        SimConfig d = SimConfig.defaults();
        assertThat(d.session().extendedOpen()).isEqualTo(LocalTime.of(8, 0));
        assertThat(d.venueSetup()).isEqualTo(new SimConfig.VenueSetup(SimConfig.DEFAULT_VENUES, 'Q', true, false, 250, 5));
        assertThat(d.priceProcess()).isEqualTo(new SimConfig.PriceProcess(100.0, 1_000_000L, 0.015, 5e-9, 12, 0.0012));
        assertThat(d.agents()).isEqualTo(new SimConfig.Agents(1.0, 12, 2.5, 0.05, 1.8, 0.04, 5, 1.0, 0.03));
        assertThat(d.events()).isEqualTo(new SimConfig.Events(3, 400_000, 3, 4, 2, 2));
        // flat accessors read the groups
        assertThat(d.limitRate()).isEqualTo(12.0);
        assertThat(d.tapeLatencyMicros()).isEqualTo(250.0);
        assertThat(d.metaOrderShares()).isEqualTo(400_000L);
        assertThat(d.jumpSize()).isEqualTo(0.0012);
        // a wither replaces one parameter of one group and keeps everything else
        SimConfig c = d.withIntensity(2).withTapeLatency(0, 1).withEvents(1, 0, 2, 0, 0);
        assertThat(c.agents()).isEqualTo(new SimConfig.Agents(2.0, 12, 2.5, 0.05, 1.8, 0.04, 5, 1.0, 0.03));
        assertThat(c.venueSetup()).isEqualTo(new SimConfig.VenueSetup(SimConfig.DEFAULT_VENUES, 'Q', true, false, 0, 1));
        assertThat(c.events()).isEqualTo(new SimConfig.Events(1, 400_000, 0, 2, 0, 0));
        assertThat(c.session()).isEqualTo(d.session());
        assertThat(c.priceProcess()).isEqualTo(d.priceProcess());
        assertThat(c.withAgents(d.agents()).withVenueSetup(d.venueSetup()).withEvents(d.events())).isEqualTo(d);
        // each group validates itself
        assertThatThrownBy(() -> new SimConfig.Agents(1, 1, 1, 1, 1, 0, 51, 1, 0)).hasMessageContaining("mmLevels");
        assertThatThrownBy(() -> new SimConfig.Events(1, 99, 0, 0, 0, 0)).hasMessageContaining("metaOrderShares");
        assertThatThrownBy(() -> d.venueSetup().withVenues(List.of(new SimConfig.Venue('N', 1)))).hasMessageContaining("l3Venue Q");
        assertThatThrownBy(() -> d.session().withExtendedHours(LocalTime.of(10, 0), LocalTime.of(17, 0))).hasMessageContaining("extended hours");
    }
}
