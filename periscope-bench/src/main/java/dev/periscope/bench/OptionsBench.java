package dev.periscope.bench;

import dev.periscope.options.AmericanPricer;
import dev.periscope.options.BlackScholes;
import dev.periscope.options.Black76;
import dev.periscope.options.ExerciseStyle;
import dev.periscope.options.Greeks;
import dev.periscope.options.ImpliedVolResult;
import dev.periscope.options.ImpliedVolatility;
import dev.periscope.options.OptionType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The options pricing core, nanoseconds per option over a seeded set of {@value #N} options (moneyness
 * ln(F/K) uniform in ±3σ√T, T log-uniform from 1 day to 2 years, σ uniform in 5%–150%, calls and puts):
 * {@code impliedVol} solves each undiscounted Black price (goal ≤ 210 ns at 1e-12: at setup every solve is checked
 * against the generating σ to 1e-12, so the benchmark refuses to run on a wrong solver); {@code greeks} fills price
 * and all eight greeks of a BSM option (goal for price + 4 greeks ≤ 55 ns); {@code price} is the BSM price alone;
 * {@code american801} one Leisen–Reimer American put of 801 steps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class OptionsBench {
    static final int N = 4096;
    static final double F = 100;

    private final OptionType[] type = new OptionType[N];
    private final double[] strike = new double[N], expiry = new double[N], vol = new double[N], price = new double[N];
    private final Greeks greeks = new Greeks();
    private final ImpliedVolResult iv = new ImpliedVolResult();
    private final AmericanPricer tree = new AmericanPricer(801);

    @Setup
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(20261208L);
        int maxIterations = 0;
        for (int i = 0; i < N; ) {
            OptionType t = rnd.nextBoolean() ? OptionType.CALL : OptionType.PUT;
            double years = Math.exp(rnd.nextDouble(Math.log(1 / 365.0), Math.log(2)));
            double sigma = rnd.nextDouble(0.05, 1.5);
            double k = F * Math.exp(-rnd.nextDouble(-3, 3) * sigma * Math.sqrt(years));
            Black76.greeks(t, F, k, years, 0, sigma, greeks);
            if (greeks.vega() * 1e-12 < 8 * Math.ulp(greeks.price())) continue; // the price must carry σ to 1e-12
            type[i] = t; strike[i] = k; expiry[i] = years; vol[i] = sigma; price[i] = greeks.price();
            ImpliedVolatility.undiscounted(price[i], t, F, k, years, iv);
            if (!iv.isOk() || Math.abs(iv.volatility() - sigma) > 1e-12)
                throw new IllegalStateException("implied vol off at " + t + " K=" + k + " T=" + years + ": " + iv);
            maxIterations = Math.max(maxIterations, iv.iterations());
            i++;
        }
        System.out.println("\n[OptionsBench] " + N + " options, every implied vol within 1e-12, at most " + maxIterations + " steps");
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double impliedVol() {
        double sum = 0;
        for (int i = 0; i < N; i++) {
            ImpliedVolatility.undiscounted(price[i], type[i], F, strike[i], expiry[i], iv);
            sum += iv.volatility();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double greeks() {
        double sum = 0;
        for (int i = 0; i < N; i++) {
            BlackScholes.greeks(type[i], F, strike[i], expiry[i], 0.03, 0.01, vol[i], greeks);
            sum += greeks.price() + greeks.delta() + greeks.gamma() + greeks.vega() + greeks.theta();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double price() {
        double sum = 0;
        for (int i = 0; i < N; i++) sum += BlackScholes.price(type[i], F, strike[i], expiry[i], 0.03, 0.01, vol[i]);
        return sum;
    }

    @Benchmark
    public double american801() {
        return tree.price(ExerciseStyle.AMERICAN, OptionType.PUT, F, 105, 1, 0.05, 0.01, 0.3);
    }
}
