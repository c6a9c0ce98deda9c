package org.scratchformer.finitediff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.scratchformer.book.Listings;

/**
 * The listing {@code step-sizes}: how the error of a finite difference
 * depends on the step, for d/dx sin x at x = 1 (exactly cos 1).
 */
class StepSizeExample {
    private static final int STEPS = 12;  // h = 1e-1 ... 1e-12

    @Test
    void errorFallsThenRisesAsTheStepShrinks() {
        double x = 1.0;
        double exact = Math.cos(x);
        double[] forwardError = new double[STEPS];
        double[] centralError = new double[STEPS];
        // tag::table[]
        StringBuilder table = new StringBuilder(
                "     h    forward error    central error\n");
        for (int k = 1; k <= STEPS; k++) {
            double h = Math.pow(10, -k);
            double forward = FiniteDifferences.forward(Math::sin, x, h);
            double central = FiniteDifferences.central(Math::sin, x, h);
            forwardError[k - 1] = Math.abs(forward - exact);
            centralError[k - 1] = Math.abs(central - exact);
            table.append(String.format(Locale.ROOT, "%6.0e  %15.3e  %15.3e%n",
                    h, forwardError[k - 1], centralError[k - 1]));
        }
        // end::table[]
        String text = Listings.write("step-sizes", table.toString());

        int bestCentral = argMin(centralError);  // index k − 1 of h = 10^-k
        assertTrue(bestCentral == 4 || bestCentral == 5,
                "central is best at h = 1e-5 or 1e-6:\n" + text);
        assertTrue(centralError[STEPS - 1] > 1e3 * centralError[bestCentral],
                "rounding spoils the central difference at h = 1e-12:\n"
                        + text);
        assertTrue(forwardError[STEPS - 1] > forwardError[argMin(forwardError)]
                * 1e2, "rounding spoils the forward difference too:\n" + text);
        assertTrue(forwardError[argMin(forwardError)]
                > 10 * centralError[bestCentral],
                "the forward difference's best is worse:\n" + text);
        for (int k = 0; k < 3; k++) {
            assertTrue(centralError[k] < forwardError[k],
                    "central wins while truncation dominates:\n" + text);
        }
    }

    private static int argMin(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return best;
    }
}
