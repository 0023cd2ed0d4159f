package dev.periscope.options;

import dev.periscope.model.math.Normal;

/**
 * Implied Black volatility from an option price, to the double resolution of the price (tested to 1e-12 in σ
 * wherever vega × 1e-12 exceeds a few ulps of the price). Stateless, allocation-free, thread-safe.
 *
 * <p>Method (after Jäckel 2015, "Let's Be Rational", Wilmott 2015(75)): the price is reduced to the out-of-the-money
 * option by put-call parity and normalised, β = time value / √(F·K), x = −|ln(F/K)|, so that β = b(x, s) with
 * s = σ√T and b(x, s) = e^{x/2}Φ(x/s + s/2) − e^{−x/2}Φ(x/s − s/2). b is convex in s below its inflection point
 * s_c = √(2|x|) and concave above; the tangent at s_c brackets the root on one side. The initial guess is
 * Jäckel's lower map (b ≈ (2π/√27)|x|Φ(−|x|/(√3 s))³ as s → 0) below b(x, s_c) and the upper map
 * (b_max − b ≈ (e^{x/2} + e^{−x/2})Φ(−s/2) as s → ∞) above, each combined with the tangent bound. Householder
 * steps of order 3 then run on ln b below s_c and on −ln(b_max − b) above (both nearly linear in s there), with
 * analytic b'/b, b''/b' = x²/s³ − s/4 and b'''/b' = (b''/b')² − 3x²/s⁴ − 1/4, safeguarded by bisection inside the
 * bracket the iterates establish. b itself is evaluated cancellation-free (see {@link BlackFormula#undiscounted}).
 * Typically 2–3 steps. The full LBR adds rational-cubic guesses that make two steps always suffice; not done here.
 *
 * <p>Outside the no-arbitrage bounds the result is a status ({@link IvStatus}), never NaN.
 */
public final class ImpliedVolatility {
    private ImpliedVolatility() {}

    private static final double TWO_PI_OVER_SQRT_27 = 1.2091995761561452337;
    private static final double SQRT_3 = 1.7320508075688772935;
    /** Householder(3) converges with order 4: after a step this small (relative) the error is of order its 4th power. */
    private static final double CONVERGED = 1e-4;
    private static final int MAX_ITERATIONS = 40;

    /** From a Black-76 price (discounted at {@code rate}) on forward F. */
    public static IvStatus black76(double price, OptionType type, double forward, double strike, double expiry,
                                   double rate, ImpliedVolResult out) {
        if (!Double.isFinite(rate)) return out.set(IvStatus.INVALID_INPUT, 0, 0);
        return undiscounted(price * Math.exp(rate * expiry), type, forward, strike, expiry, out);
    }

    /** From a Black–Scholes–Merton price on spot S with dividend yield q. */
    public static IvStatus blackScholes(double price, OptionType type, double spot, double strike, double expiry,
                                        double rate, double dividendYield, ImpliedVolResult out) {
        if (!Double.isFinite(rate) || !Double.isFinite(dividendYield)) return out.set(IvStatus.INVALID_INPUT, 0, 0);
        return undiscounted(price * Math.exp(rate * expiry), type, spot * Math.exp((rate - dividendYield) * expiry),
                strike, expiry, out);
    }

    /** From an undiscounted Black price (price / discount factor). */
    public static IvStatus undiscounted(double price, OptionType type, double forward, double strike, double expiry,
                                        ImpliedVolResult out) {
        if (!(forward > 0 && strike > 0 && expiry > 0) || Double.isNaN(price) || Double.isInfinite(forward)
                || Double.isInfinite(strike) || Double.isInfinite(expiry)) return out.set(IvStatus.INVALID_INPUT, 0, 0);
        boolean call = type.isCall();
        double intrinsic = Math.max(call ? forward - strike : strike - forward, 0.0);
        if (price < intrinsic) return out.set(IvStatus.BELOW_INTRINSIC, 0, 0);
        if (price >= (call ? forward : strike)) return out.set(IvStatus.ABOVE_UPPER_BOUND, 0, 0);
        double timeValue = price - intrinsic; // = the out-of-the-money option's price (put-call parity)
        if (timeValue <= 0) return out.set(IvStatus.AT_INTRINSIC, 0, 0);
        double moneyness = Math.min(forward, strike) / Math.max(forward, strike); // e^x ≤ 1
        double x = Math.log(moneyness);
        double beta = timeValue / Math.sqrt(forward * strike);
        double ehx = Math.sqrt(moneyness); // e^{x/2}, cheaper than exp
        if (!(ehx > 0) || !(beta > 0)) return out.set(IvStatus.INVALID_INPUT, 0, 0);
        if (beta >= ehx) return out.set(IvStatus.ABOVE_UPPER_BOUND, 0, 0);
        return normalised(beta, x, ehx, Math.sqrt(expiry), out);
    }

    /** Solves b(x, s) = β for 0 &lt; β &lt; e^{x/2}, x ≤ 0; writes σ = s/√T. */
    private static IvStatus normalised(double beta, double x, double ehx, double sqrtT, ImpliedVolResult out) {
        double k = 1 / ehx; // the normalised strike e^{−x/2}; the forward is e^{x/2}
        double sc = Math.sqrt(-2 * x);
        double vc = ehx * Normal.ONE_OVER_SQRT_2PI; // b'(s_c): d1 = 0 there
        double bc = BlackFormula.undiscounted(true, ehx, k, 0, -sc, Normal.ONE_OVER_SQRT_2PI);
        boolean lower = beta < bc;
        double tangent = sc + (beta - bc) / vc; // convex below s_c: an upper bound; concave above: a lower bound
        double lo, hi, s;
        if (lower) {
            lo = 0;
            hi = tangent > 0 ? Math.min(sc, tangent) : sc;
            double p = Math.cbrt(beta / (TWO_PI_OVER_SQRT_27 * -x));
            s = p < 0.5 ? -x / (SQRT_3 * -Normal.inverseCdf(p)) : 0.5 * hi;
            if (!(s > lo && s < hi)) s = 0.5 * hi;
        } else {
            lo = Math.max(sc, tangent);
            hi = Double.POSITIVE_INFINITY;
            s = Math.max(lo, -2 * Normal.inverseCdf((ehx - beta) / (ehx + k)));
        }
        double lnTarget = lower ? Math.log(beta) : Math.log(ehx - beta); // the objective's target
        double xx = x * x;
        for (int i = 1; i <= MAX_ITERATIONS; i++) {
            double h = x / s, t = 0.5 * s;
            double d1 = h + t, d2 = h - t;
            double pdf1 = Normal.pdf(d1);
            double vega = ehx * pdf1;                       // b'(s)
            double s3 = s * s * s;
            double b2 = xx / s3 - 0.25 * s;                  // b''/b'
            double b3 = b2 * b2 - 3 * xx / (s3 * s) - 0.25;  // b'''/b'
            double newton, g2, g3;
            if (lower) {
                double b = BlackFormula.undiscounted(true, ehx, k, d1, d2, pdf1);
                if (b > beta) hi = Math.min(hi, s); else lo = Math.max(lo, s);
                if (!(b > 0 && vega > 0)) { s = 0.5 * (lo + hi); continue; } // underflow: bisect
                double v = vega / b;                         // objective ln b − ln β
                newton = (lnTarget - Math.log(b)) / v;
                g2 = b2 - v;
                g3 = b3 - 3 * b2 * v + 2 * v * v;
            } else {
                double u = ehx * Normal.cdf(-d1, pdf1) + k * Normal.cdf(d2, pdf1 * ehx * ehx); // b_max − b
                if (u < ehx - beta) hi = Math.min(hi, s); else lo = Math.max(lo, s);
                if (!(u > 0 && vega > 0)) { s = Double.isInfinite(hi) ? 2 * s : 0.5 * (lo + hi); continue; }
                double w = vega / u;                         // objective ln(b_max − β) − ln(b_max − b)
                newton = (Math.log(u) - lnTarget) / w;
                g2 = b2 + w;
                g3 = b3 + 3 * b2 * w + 2 * w * w;
            }
            double ds = newton * (1 + 0.5 * g2 * newton) / (1 + newton * (g2 + g3 * newton / 6));
            double next = s + ds;
            if (Math.abs(ds) <= CONVERGED * s) return out.set(IvStatus.OK, next / sqrtT, i);
            if (!(next > lo && next < hi)) next = Double.isInfinite(hi) ? Math.max(2 * s, 2 * lo) : 0.5 * (lo + hi);
            if (hi - lo <= 4 * Math.ulp(next)) return out.set(IvStatus.OK, next / sqrtT, i);
            s = next;
        }
        return out.set(IvStatus.NOT_CONVERGED, s / sqrtT, MAX_ITERATIONS);
    }
}
