package dev.periscope.options;

import dev.periscope.model.math.Normal;

/**
 * The generalized Black–Scholes formula with cost of carry b (Haug 2007, "The Complete Guide to Option Pricing
 * Formulas", §1.1.6 and ch. 2 for the greeks): b = r − q is Black–Scholes–Merton with dividend yield q, b = 0 is
 * Black-76 on a forward. Package-private engine behind {@link BlackScholes} and {@link Black76}; arguments are
 * validated there. Stateless, allocation-free.
 */
final class BlackFormula {
    private BlackFormula() {}

    /**
     * Rejects NaN, infinities and values outside the model's domain: underlying and strike &gt; 0, T and σ ≥ 0
     * (&gt; 0 when {@code strict}, as the greeks need). Fail fast: these are caller bugs, not market outcomes.
     */
    static void check(String what, double s, double k, double t, double r, double b, double sigma, boolean strict) {
        boolean ok = s > 0 && k > 0 && t >= 0 && sigma >= 0 && Double.isFinite(s) && Double.isFinite(k)
                && Double.isFinite(t) && Double.isFinite(r) && Double.isFinite(b) && Double.isFinite(sigma)
                && (!strict || (t > 0 && sigma > 0));
        if (!ok) throw new IllegalArgumentException(what + ": outside the domain (underlying=" + s + ", strike=" + k
                + ", expiry=" + t + ", rate=" + r + ", carry=" + b + ", vol=" + sigma + ")");
    }

    /** Below this d the lower tail of Φ is a rational function of d alone (Cody's switch point). */
    private static final double TAIL = -0.66291;

    /**
     * Undiscounted Black price, F·Φ(d1) − K·Φ(d2) for a call or K·Φ(−d2) − F·Φ(−d1) for a put, given φ(d1), to a
     * few ulps of the price itself. An in-the-money option is its intrinsic value plus the out-of-the-money option
     * of the other kind (put-call parity), so the time value is never the difference of two terms of the size of
     * F. Out of the money in the tail (d1 below −0.66 for a call, d2 above 0.66 for a put) the price is
     * F·φ(d1)·[Y(d1) − Y(d2)] with Y = Φ/φ rational (Jäckel 2015, "Let's Be Rational", §2), so tiny prices keep
     * their relative precision instead of cancelling.
     */
    static double undiscounted(boolean call, double f, double k, double d1, double d2, double pdfD1) {
        if (call) return f > k ? (f - k) + outOfTheMoney(false, f, k, d1, d2, pdfD1) : outOfTheMoney(true, f, k, d1, d2, pdfD1);
        return k > f ? (k - f) + outOfTheMoney(true, f, k, d1, d2, pdfD1) : outOfTheMoney(false, f, k, d1, d2, pdfD1);
    }

    private static double outOfTheMoney(boolean call, double f, double k, double d1, double d2, double pdfD1) {
        double fPdf = f * pdfD1; // = K·φ(d2)
        double a = call ? d1 : -d2, c = call ? d2 : -d1; // price = F·φ(d1)·[Y(a) − Y(c)]
        if (a < TAIL) return fPdf * (Normal.cdfOverPdf(a) - Normal.cdfOverPdf(c));
        return call ? f * Normal.cdf(d1, pdfD1) - k * Normal.cdf(d2, fPdf / k)
                : k * Normal.cdf(-d2, fPdf / k) - f * Normal.cdf(-d1, pdfD1);
    }

    /** Price with carry b; T = 0 or σ = 0 give the discounted intrinsic value of the forward. */
    static double price(boolean call, double s, double k, double t, double r, double b, double sigma) {
        double df = Math.exp(-r * t);
        double f = s * Math.exp(b * t);
        double sd = sigma * Math.sqrt(t);
        if (sd == 0) return df * Math.max(call ? f - k : k - f, 0.0);
        double d1 = Math.log(f / k) / sd + 0.5 * sd;
        double d2 = d1 - sd;
        return df * undiscounted(call, f, k, d1, d2, Normal.pdf(d1));
    }

    /**
     * Price and all greeks with carry b into {@code out} (T &gt; 0, σ &gt; 0). {@code rhoWithCarry}: true when b
     * moves with r (BSM, b = r − q: ρ = ±K·T·e^{−rT}·Φ(±d2)); false when the forward is held (Black-76: ρ = −T·V).
     */
    static void greeks(boolean call, double s, double k, double t, double r, double b, double sigma,
                       boolean rhoWithCarry, Greeks out) {
        double sqrtT = Math.sqrt(t);
        double sd = sigma * sqrtT;
        double df = Math.exp(-r * t);
        double carry = Math.exp((b - r) * t);          // e^{(b−r)T}: spot's discount (e^{−qT} for BSM)
        double f = s * carry / df;
        double d1 = Math.log(f / k) / sd + 0.5 * sd;
        double d2 = d1 - sd;
        double pdf1 = Normal.pdf(d1);
        double fPdf = f * pdf1;                        // = K·φ(d2)
        // the out-of-the-money option prices F·Φ(d1) − K·Φ(d2) (call) or K·Φ(−d2) − F·Φ(−d1) (put) = F·φ(d1)·[Y(a) − Y(c)]
        boolean otmCall = f <= k;
        double a = otmCall ? d1 : -d2, c = otmCall ? d2 : -d1;
        double pdfA = otmCall ? pdf1 : fPdf / k, pdfC = otmCall ? fPdf / k : pdf1;
        double cdfA, cdfC, otm;
        if (a < TAIL) {
            double ya = Normal.cdfOverPdf(a), yc = Normal.cdfOverPdf(c);
            otm = fPdf * (ya - yc);
            cdfA = pdfA * ya;
            cdfC = pdfC * yc;
        } else {
            cdfA = Normal.cdf(a, pdfA);
            cdfC = Normal.cdf(c, pdfC);
            otm = otmCall ? f * cdfA - k * cdfC : k * cdfA - f * cdfC;
        }
        // Φ(±d1), Φ(±d2) with the sign of the requested option: the complements when it is the other kind
        double nd1 = otmCall ? cdfA : cdfC, nd2 = otmCall ? cdfC : cdfA; // Φ(d1), Φ(d2) or Φ(−d1), Φ(−d2)
        if (call != otmCall) { nd1 = 1 - nd1; nd2 = 1 - nd2; }
        double undiscounted = call == otmCall ? otm : otm + (call ? f - k : k - f);
        double price = df * undiscounted;
        double sign = call ? 1 : -1;
        double spotPdf = s * carry * pdf1;             // S·e^{(b−r)T}·φ(d1)
        out.price = price;
        out.delta = sign * carry * nd1;
        out.gamma = spotPdf / (s * s * sd);
        out.vega = spotPdf * sqrtT;
        out.theta = -spotPdf * sigma / (2 * sqrtT) - sign * ((b - r) * s * carry * nd1 + r * k * df * nd2);
        out.rho = rhoWithCarry ? sign * k * t * df * nd2 : -t * price;
        out.vanna = -carry * pdf1 * d2 / sigma;
        out.charm = -carry * (pdf1 * (b / sd - d2 / (2 * t)) + sign * (b - r) * nd1);
        out.vomma = out.vega * d1 * d2 / sigma;
    }
}
