package dev.periscope.sim;

import dev.periscope.model.random.SplitMix64;

/**
 * The latent (fair) price in dollars: geometric diffusion scaled by the intraday activity and a stochastic
 * volatility, jumps, permanent impact, clamped to 10-90 % of the price ladder. Log-volatility h follows an
 * Ornstein-Uhlenbeck process with stationary s.d. {@link #VOL_OF_VOL} and half-life {@link #VOL_HALF_LIFE_SEC}, driven
 * by its own random stream; the diffusion is scaled by exp(h - VOL_OF_VOL^2) so the expected variance is unchanged (a
 * log-normal stochastic-volatility model, e.g. Taylor 1986, "Modelling Financial Time Series"). The diffusion's and
 * jumps' normal draws come from the market stream.
 */
final class LatentPrice {
    static final double VOL_OF_VOL = 0.5, VOL_HALF_LIFE_SEC = 20 * 60;
    private static final double NANOS = 1e9;

    private final SplitMix64 marketRng, volRng;
    private final IntradayProfile profile;
    private final double sigmaPerSqrtSec, lo, hi, tickDollars;
    private double fair, logVol;
    private double spareGaussian = Double.NaN;
    private final double[] normals = new double[2];

    LatentPrice(SimConfig cfg, SessionClock clock, Venues venues, SplitMix64 marketRng, SplitMix64 volRng) {
        this.marketRng = marketRng;
        this.volRng = volRng;
        this.profile = clock.profile;
        this.logVol = VOL_OF_VOL * volGaussian(); // stationary start
        sigmaPerSqrtSec = cfg.dailyVolatility() / Math.sqrt((clock.close - clock.open) / NANOS);
        tickDollars = venues.tickDollars;
        lo = venues.levels * 0.1 * tickDollars;
        hi = venues.levels * 0.9 * tickDollars;
        fair = cfg.startPrice();
    }

    /** Dollars. */
    double fair() { return fair; }

    /** In ticks. */
    double fairTicks() { return fair / tickDollars; }

    /**
     * Standard normal draw from the market stream by Marsaglia's polar method with {@link StrictMath}, so the stream
     * is bit-identical on every JVM and CPU (the JDK's own nextGaussian and Math.log/exp may differ in the last ulp
     * across versions); each polar draw gives two normals, the second is kept for the next call.
     */
    double gaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double g = spareGaussian;
            spareGaussian = Double.NaN;
            return g;
        }
        polar(marketRng);
        spareGaussian = normals[1];
        return normals[0];
    }

    /** Standard normal draw from the volatility stream (the polar method's second normal is discarded). */
    private double volGaussian() {
        polar(volRng);
        return normals[0];
    }

    /** Marsaglia's polar method: two independent standard normals into {@link #normals}. */
    private void polar(SplitMix64 r) {
        double u, v, s;
        do {
            u = 2 * r.nextDouble() - 1;
            v = 2 * r.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = Math.sqrt(-2 * StrictMath.log(s) / s);
        normals[0] = u * m;
        normals[1] = v * m;
    }

    /** Evolves volatility and price over {@code dtNanos} from time {@code from} (whose activity scales it). */
    void diffuse(long from, long dtNanos) {
        if (dtNanos <= 0) return;
        double dt = dtNanos / NANOS;
        double decay = StrictMath.exp(-Math.log(2) / VOL_HALF_LIFE_SEC * dt);
        logVol = logVol * decay + VOL_OF_VOL * Math.sqrt(1 - decay * decay) * volGaussian();
        double s = sigmaPerSqrtSec * Math.sqrt(profile.activity(from)) * StrictMath.exp(logVol - VOL_OF_VOL * VOL_OF_VOL);
        fair *= StrictMath.exp(s * Math.sqrt(dt) * gaussian());
        clamp();
    }

    /** Moves the price by a log return (jump, impact, spoofing pressure). */
    void jump(double logReturn) {
        fair *= StrictMath.exp(logReturn);
        clamp();
    }

    private void clamp() {
        if (fair < lo) fair = lo;
        if (fair > hi) fair = hi;
    }
}
