package dev.periscope.options;

/**
 * A reusable holder for an implied-volatility solve, filled by {@link ImpliedVolatility} (a flyweight: mutable, not
 * thread-safe; keep one per thread). {@link #volatility()} is the annualized volatility as a decimal when the status
 * is {@link IvStatus#OK}, 0 otherwise (the last iterate for {@link IvStatus#NOT_CONVERGED}); never NaN.
 */
public final class ImpliedVolResult {
    private IvStatus status = IvStatus.INVALID_INPUT;
    private double volatility;
    private int iterations;

    public IvStatus status() { return status; }
    public double volatility() { return volatility; }
    /** Householder steps taken (0 when no iteration was needed). */
    public int iterations() { return iterations; }
    public boolean isOk() { return status == IvStatus.OK; }

    IvStatus set(IvStatus status, double volatility, int iterations) {
        this.status = status;
        this.volatility = volatility;
        this.iterations = iterations;
        return status;
    }

    @Override
    public String toString() {
        return "ImpliedVolResult[" + status + ", vol=" + volatility + ", iterations=" + iterations + "]";
    }
}
