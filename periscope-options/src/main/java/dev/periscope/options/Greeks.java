package dev.periscope.options;

/**
 * A reusable holder for one option's price and sensitivities, filled by {@link BlackScholes#greeks} and
 * {@link Black76#greeks} so that repeated pricing allocates nothing (a flyweight: mutable, not thread-safe; keep
 * one per thread).
 *
 * <p>Units (the same for both models; "underlying" is the spot for Black–Scholes–Merton, the forward for Black-76):
 * <ul>
 *   <li>price: in the currency of the strike, per unit of underlying (multiply by the contract multiplier);</li>
 *   <li>delta ∂V/∂S, gamma ∂²V/∂S² (per 1 unit of underlying);</li>
 *   <li>vega ∂V/∂σ per 1.00 of volatility (divide by 100 for "per vol point");</li>
 *   <li>theta −∂V/∂T per year of time to expiry (divide by 365 for calendar days), i.e. the value change as
 *       time passes;</li>
 *   <li>rho ∂V/∂r per 1.00 of rate (BSM: dividend yield held; Black-76: forward held);</li>
 *   <li>vanna ∂²V/∂S∂σ, vomma ∂²V/∂σ², charm −∂Δ/∂T per year (delta drift as time passes).</li>
 * </ul>
 */
public final class Greeks {
    double price, delta, gamma, vega, theta, rho, vanna, charm, vomma;

    public double price() { return price; }
    public double delta() { return delta; }
    public double gamma() { return gamma; }
    public double vega() { return vega; }
    public double theta() { return theta; }
    public double rho() { return rho; }
    public double vanna() { return vanna; }
    public double charm() { return charm; }
    public double vomma() { return vomma; }

    @Override
    public String toString() {
        return "Greeks[price=" + price + ", delta=" + delta + ", gamma=" + gamma + ", vega=" + vega + ", theta=" + theta
                + ", rho=" + rho + ", vanna=" + vanna + ", charm=" + charm + ", vomma=" + vomma + "]";
    }
}
