package dev.periscope.options;

/**
 * Black–Scholes–Merton for a European option on a spot paying a continuous dividend yield q (Merton 1973; formulas
 * as in Hull, "Options, Futures, and Other Derivatives", ch. "The Greek letters", and Haug 2007 §1.1.6 with
 * b = r − q). Stateless, allocation-free, thread-safe. Units: see {@link Greeks}; rates, yields and volatility are
 * annualized decimals (0.05, 0.20), times in years.
 */
public final class BlackScholes {
    private BlackScholes() {}

    /** Price; T = 0 or σ = 0 give the discounted intrinsic value of the forward S·e^{(r−q)T}. */
    public static double price(OptionType type, double spot, double strike, double expiry, double rate,
                               double dividendYield, double vol) {
        double b = rate - dividendYield;
        BlackFormula.check("BlackScholes.price", spot, strike, expiry, rate, b, vol, false);
        return BlackFormula.price(type.isCall(), spot, strike, expiry, rate, b, vol);
    }

    /** Price and greeks into {@code out}; needs T &gt; 0 and σ &gt; 0. Rho holds q fixed. */
    public static void greeks(OptionType type, double spot, double strike, double expiry, double rate,
                              double dividendYield, double vol, Greeks out) {
        double b = rate - dividendYield;
        BlackFormula.check("BlackScholes.greeks", spot, strike, expiry, rate, b, vol, true);
        BlackFormula.greeks(type.isCall(), spot, strike, expiry, rate, b, vol, true, out);
    }
}
