package dev.periscope.options;

import com.opengamma.strata.pricer.impl.option.BlackFormulaRepository;
import com.opengamma.strata.pricer.impl.option.BlackScholesFormulaRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prices and greeks against OpenGamma Strata 2.12.48's {@code BlackScholesFormulaRepository} (spot, with cost of
 * carry b = r − q) and {@code BlackFormulaRepository} (forward, undiscounted), an independent implementation, on a
 * grid of moneyness, expiry, vol, rate and yield. Tolerance 1e-10 relative or 1e-11 × scale absolute (Strata flushes some greeks below 1e-12 to 0): both are double
 * precision implementations of the same closed forms. Strata's rho, like ours, holds q (not b) fixed.
 */
class StrataCrossCheckTest {
    @Test
    void blackScholesMertonPricesAndGreeksAgreeWithStrata() {
        Greeks g = new Greeks();
        int n = 0;
        for (OptionType type : OptionType.values())
            for (double k : new double[]{50, 80, 95, 100, 105, 125, 200})
                for (double t : new double[]{7 / 365.0, 0.25, 1, 5})
                    for (double vol : new double[]{0.05, 0.2, 0.8})
                        for (double r : new double[]{0, 0.05})
                            for (double q : new double[]{0, 0.03}) {
                                double s = 100, b = r - q;
                                boolean call = type.isCall();
                                BlackScholes.greeks(type, s, k, t, r, q, vol, g);
                                String at = type + " K=" + k + " T=" + t + " vol=" + vol + " r=" + r + " q=" + q;
                                close(at + " price", g.price(), BlackScholesFormulaRepository.price(s, k, t, vol, r, b, call), s);
                                close(at + " delta", g.delta(), BlackScholesFormulaRepository.delta(s, k, t, vol, r, b, call), 1);
                                close(at + " gamma", g.gamma(), BlackScholesFormulaRepository.gamma(s, k, t, vol, r, b), 1);
                                close(at + " vega", g.vega(), BlackScholesFormulaRepository.vega(s, k, t, vol, r, b), s);
                                close(at + " theta", g.theta(), BlackScholesFormulaRepository.theta(s, k, t, vol, r, b, call), s);
                                close(at + " rho", g.rho(), BlackScholesFormulaRepository.rho(s, k, t, vol, r, b, call), s);
                                close(at + " vanna", g.vanna(), BlackScholesFormulaRepository.vanna(s, k, t, vol, r, b), 1);
                                close(at + " charm", g.charm(), BlackScholesFormulaRepository.charm(s, k, t, vol, r, b, call), 1);
                                close(at + " vomma", g.vomma(), BlackScholesFormulaRepository.vomma(s, k, t, vol, r, b), s);
                                n++;
                            }
        assertThat(n).isEqualTo(2 * 7 * 4 * 3 * 2 * 2);
    }

    @Test
    void black76PricesAndGreeksAgreeWithStrata() {
        Greeks g = new Greeks();
        for (OptionType type : OptionType.values())
            for (double k : new double[]{50, 90, 100, 110, 200})
                for (double t : new double[]{7 / 365.0, 1, 5})
                    for (double vol : new double[]{0.05, 0.3, 1.2}) {
                        double f = 100;
                        boolean call = type.isCall();
                        Black76.greeks(type, f, k, t, 0, vol, g); // r = 0: Strata's Black formulas are undiscounted
                        String at = type + " K=" + k + " T=" + t + " vol=" + vol;
                        close(at + " price", g.price(), BlackFormulaRepository.price(f, k, t, vol, call), f);
                        close(at + " delta", g.delta(), BlackFormulaRepository.delta(f, k, t, vol, call), 1);
                        close(at + " gamma", g.gamma(), BlackFormulaRepository.gamma(f, k, t, vol), 1);
                        close(at + " vega", g.vega(), BlackFormulaRepository.vega(f, k, t, vol), f);
                        close(at + " vanna", g.vanna(), BlackFormulaRepository.vanna(f, k, t, vol), 1);
                        close(at + " vomma", g.vomma(), BlackFormulaRepository.vomma(f, k, t, vol), f);
                        close(at + " theta", g.theta(), BlackFormulaRepository.driftlessTheta(f, k, t, vol), f);
                    }
    }

    private static void close(String what, double ours, double strata, double scale) {
        assertThat(Math.abs(ours - strata)).as("%s: ours %s, Strata %s", what, ours, strata)
                .isLessThanOrEqualTo(Math.max(1e-10 * Math.abs(strata), 1e-11 * scale));
    }
}
