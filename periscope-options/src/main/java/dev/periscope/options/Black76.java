package dev.periscope.options;

/**
 * Black-76 for a European option on a forward or future F, discounted at r (Black 1976, "The pricing of commodity
 * contracts", J. Fin. Econ. 3; Haug 2007 §1.1.6 with b = 0). Stateless, allocation-free, thread-safe. Delta and
 * gamma are with respect to F; rho holds F fixed (ρ = −T·V). Units: see {@link Greeks}.
 */
public final class Black76 {
    private Black76() {}

    /** Price; T = 0 or σ = 0 give the discounted intrinsic value. */
    public static double price(OptionType type, double forward, double strike, double expiry, double rate, double vol) {
        BlackFormula.check("Black76.price", forward, strike, expiry, rate, 0, vol, false);
        return BlackFormula.price(type.isCall(), forward, strike, expiry, rate, 0, vol);
    }

    /** Price and greeks into {@code out}; needs T &gt; 0 and σ &gt; 0. */
    public static void greeks(OptionType type, double forward, double strike, double expiry, double rate, double vol,
                              Greeks out) {
        BlackFormula.check("Black76.greeks", forward, strike, expiry, rate, 0, vol, true);
        BlackFormula.greeks(type.isCall(), forward, strike, expiry, rate, 0, vol, false, out);
    }
}
