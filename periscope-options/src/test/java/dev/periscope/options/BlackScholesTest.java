package dev.periscope.options;

import org.junit.jupiter.api.Test;

import static dev.periscope.options.OptionType.CALL;
import static dev.periscope.options.OptionType.PUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Published and audit values (PLAYBOOK-AUDIT table 11.1), parity and the domain guards. */
class BlackScholesTest {
    private final Greeks g = new Greeks();

    @Test
    void haugCallPriceFromQuantLibsEuropeanOptionSuite() {
        // S=60, K=65, q=0, r=8%, T=0.25, σ=30%: 2.1334 (Haug 1998 via QuantLib europeanoption.cpp); 2.133368 computed
        double c = BlackScholes.price(CALL, 60, 65, 0.25, 0.08, 0, 0.30);
        assertThat(c).isCloseTo(2.1334, within(1e-4)).isCloseTo(2.133368, within(1e-6));
    }

    @Test
    void haugPutPriceWithDividendYield() {
        assertThat(BlackScholes.price(PUT, 100, 95, 0.5, 0.10, 0.05, 0.20)).isCloseTo(2.4648, within(1e-4))
                .isCloseTo(2.464788, within(1e-6));
    }

    @Test
    void haugCallAndPutDeltaWithDividendYield() {
        BlackScholes.greeks(CALL, 105, 100, 0.5, 0.10, 0.10, 0.36, g);
        assertThat(g.delta()).isCloseTo(0.594629, within(1e-6));
        BlackScholes.greeks(PUT, 105, 100, 0.5, 0.10, 0.10, 0.36, g);
        assertThat(g.delta()).isCloseTo(-0.356601, within(1e-6));
    }

    @Test
    void gammaAndVegaIncludeTheRateUnlikeThePlaybooksFormula() {
        BlackScholes.greeks(CALL, 55, 60, 0.75, 0.10, 0, 0.30, g);
        assertThat(g.gamma()).isCloseTo(0.027821160476940845, within(1e-15)); // audit appendix A (scipy)
        assertThat(Math.abs(g.gamma() - 0.027338)).isGreaterThan(1e-4);    // the spec's r-less gamma must fail
        assertThat(g.vega()).isCloseTo(18.9358, within(1e-4));              // per 1.00 vol
        double callGamma = g.gamma();
        BlackScholes.greeks(PUT, 55, 60, 0.75, 0.10, 0, 0.30, g);
        assertThat(g.gamma()).isCloseTo(callGamma, within(1e-16));
    }

    @Test
    void hullDeltaHedgingExample() {
        // Hull OFOD "Greek letters": S=49, K=50, r=5%, σ=20%, T=20/52: 2.40, Δ 0.522, Γ 0.066, vega 12.1
        BlackScholes.greeks(CALL, 49, 50, 20.0 / 52, 0.05, 0, 0.20, g);
        assertThat(g.price()).isCloseTo(2.4005, within(1e-3));
        assertThat(g.delta()).isCloseTo(0.5216, within(1e-3));
        assertThat(g.gamma()).isCloseTo(0.0655, within(1e-3));
        assertThat(g.vega()).isCloseTo(12.105, within(1e-3));
        assertThat(g.theta()).isCloseTo(-4.31, within(5e-3)); // Hull: −4.31 per year (−0.0118 per calendar day)
    }

    @Test
    void putCallParityHoldsAcrossStrikesRatesAndYields() {
        for (double k = 40; k <= 200; k += 7)
            for (double q : new double[]{0, 0.03, 0.12})
                for (double r : new double[]{-0.01, 0.05})
                    for (double t : new double[]{1 / 365.0, 0.5, 5}) {
                        double c = BlackScholes.price(CALL, 100, k, t, r, q, 0.35);
                        double p = BlackScholes.price(PUT, 100, k, t, r, q, 0.35);
                        double forwardValue = 100 * Math.exp(-q * t) - k * Math.exp(-r * t);
                        assertThat(c - p).as("K=%s q=%s r=%s T=%s", k, q, r, t).isCloseTo(forwardValue, within(1e-12 * 200));
                    }
    }

    @Test
    void priceAtExpiryOrZeroVolIsDiscountedIntrinsicAndGreeksRefuseIt() {
        assertThat(BlackScholes.price(CALL, 110, 100, 0, 0.05, 0, 0.2)).isEqualTo(10.0);
        assertThat(BlackScholes.price(PUT, 110, 100, 0, 0.05, 0, 0.2)).isEqualTo(0.0);
        assertThat(BlackScholes.price(CALL, 110, 100, 1, 0.05, 0, 0)).isCloseTo(110 - 100 * Math.exp(-0.05), within(1e-12));
        assertThatThrownBy(() -> BlackScholes.greeks(CALL, 110, 100, 0, 0.05, 0, 0.2, g)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlackScholes.price(CALL, -1, 100, 1, 0.05, 0, 0.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlackScholes.price(CALL, 100, 100, 1, Double.NaN, 0, 0.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Black76.price(PUT, 100, 100, -1, 0.05, 0.2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void farOutOfTheMoneyPricesKeepRelativePrecision() {
        // audit 11.1 tail case: F=100, K=200, T=0.25, σ=0.2, undiscounted call = 4.082966631587882e-12 (mpmath)
        assertThat(Black76.price(CALL, 100, 200, 0.25, 0, 0.2) / 4.082966631587882e-12 - 1).isCloseTo(0, within(1e-13));
    }

    @Test
    void black76MatchesStratasPrecomputedForwardPrices() {
        // Strata BlackFormulaRepositoryTest.PRE_COMPUTER_PRICES, verified at 50 digits (audit 11.1)
        assertThat(Black76.price(CALL, 104, 85, 4.5, 0, 0.1)).isCloseTo(20.816241352493662, within(1e-12));
        assertThat(Black76.price(CALL, 104, 85, 4.5, 0, 0.8)).isCloseTo(66.87809290575849, within(1e-12));
        // discounting: Black-76 with r is e^{−rT} times the undiscounted value, and equals BSM with S = F and q = r
        double r = 0.04, t = 4.5;
        assertThat(Black76.price(PUT, 104, 85, t, r, 0.3)).isCloseTo(Math.exp(-r * t) * Black76.price(PUT, 104, 85, t, 0, 0.3), within(1e-13))
                .isCloseTo(BlackScholes.price(PUT, 104, 85, t, r, r, 0.3), within(1e-12));
    }
}
