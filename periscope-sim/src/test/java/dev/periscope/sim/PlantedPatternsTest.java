package dev.periscope.sim;

import dev.periscope.model.truth.GroundTruthLabel;
import org.junit.jupiter.api.Test;

class PlantedPatternsTest {
    @Test
    void dump() {
        MarketSimulator sim = new MarketSimulator(SimConfig.defaults());
        while (sim.next() != null) { }
        for (GroundTruthLabel l : sim.groundTruth().labels()) System.out.println("LABEL " + l);
    }
}
