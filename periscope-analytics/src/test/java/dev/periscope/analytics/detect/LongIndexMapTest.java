package dev.periscope.analytics.detect;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LongIndexMapTest {

    /** Random puts/removes over a small key range (many collisions and wrap-arounds) against java.util.HashMap. */
    @Test
    void agreesWithHashMapUnderRandomPutsAndRemoves() {
        Random rnd = new Random(42);
        LongIndexMap m = new LongIndexMap(16);
        Map<Long, Integer> ref = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            long key = rnd.nextInt(300) * 1_000_003L - 50_000;
            if (rnd.nextBoolean()) {
                if (!ref.containsKey(key)) ref.put(key, m.put(key));
            } else {
                Integer idx = ref.remove(key);
                assertThat(m.remove(key)).isEqualTo(idx == null ? -1 : idx);
            }
            if (step % 1000 == 0) {
                for (Map.Entry<Long, Integer> e : ref.entrySet()) assertThat(m.get(e.getKey())).isEqualTo(e.getValue());
                assertThat(m.size()).isEqualTo(ref.size());
            }
        }
        // live indices are distinct and below the bound
        Set<Integer> seen = new HashSet<>(ref.values());
        assertThat(seen).hasSize(ref.size());
        for (int i : seen) assertThat(i).isBetween(0, m.indexBound() - 1);
        assertThat(m.indexBound()).isLessThanOrEqualTo(300);
    }
}
