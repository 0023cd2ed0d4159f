package dev.periscope.sim;

import dev.periscope.book.match.MatchingBook;

/**
 * Planted pattern {@code spoof} (spoofing / layering): 1-3 large orders (5,000-20,000 shares) 2-5 ticks behind the
 * touch on one side, and one genuine order joining the opposite touch; the spoof orders push the latent price their
 * way by 1.5 bp (other traders read the book pressure). When the genuine order has filled (or a spoof order was
 * hit, or after 5-30 s) everything still resting is cancelled within 20-300 ms and the push reverts.
 */
final class Spoof extends Planter {
    private byte side;
    private int n, genuineSlot = -1;
    private final int[] slots = new int[3];
    private final long[] ids = new long[3];
    private long genuineId;
    private double push;

    Spoof(Market market, int idx) { super(market, idx); }

    @Override void start() {
        int nb = nbb(), no = nbo();
        if (!market.venues.twoSided(nb, no)) return;
        var rng = market.patternRng;
        side = rng.nextBoolean() ? MatchingBook.BUY : MatchingBook.SELL;
        n = 1 + rng.nextInt(3);
        int off = 2 + rng.nextInt(4 - n);
        int ref = side == MatchingBook.BUY ? nb : no;
        open("spoof", side);
        label.pricesFromPrints = false;
        long shares = 0;
        for (int j = 0; j < n; j++) {
            int t = ref - side * (off + j);
            long q = 100L * (50 + rng.nextInt(151));
            if (!canRest(side, t)) continue;
            slots[j] = post(side, t, q);
            ids[j] = book().orderId(slots[j]);
            label.price(px(t));
            shares += q;
        }
        label.explicitShares = shares;
        byte genuineSide = (byte) -side;
        int genuineTick = side == MatchingBook.BUY ? no : nb;
        long gq = 100L * (5 + rng.nextInt(16));
        label.note = (n > 1 ? "layering, " : "") + n + " spoof order(s) then 1 genuine " + (genuineSide > 0 ? "buy" : "sell") + " of " + gq;
        if (canRest(genuineSide, genuineTick)) {
            genuineSlot = post(genuineSide, genuineTick, gq);
            genuineId = book().orderId(genuineSlot);
        }
        push = side * 0.00015;
        market.latent.jump(push);
        wake = now() + ms(5_000, 30_000);
    }

    @Override void onFill(long orderId, long qty, long remaining) {
        label.until(now());
        if (orderId == genuineId && remaining > 0) return;
        wake = Math.min(wake, now() + ms(20, 300));
    }

    @Override void onWake() {
        for (int j = 0; j < n; j++) cancel(slots[j], ids[j]);
        cancel(genuineSlot, genuineId);
        market.latent.jump(-push);
        finish();
    }
}
