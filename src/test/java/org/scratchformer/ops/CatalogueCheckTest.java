package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Tensor;
import org.scratchformer.tensor.UnaryOp;

/** The catalogue check that the gradcheck command prints, one row per op. */
class CatalogueCheckTest {

    /** Y = −X with the sign of the gradient forgotten: dX = dY. */
    static final class ForgottenSignNeg extends UnaryOp {
        @Override
        public String name() {
            return "forgotten_sign_neg";
        }

        @Override
        protected DMatrixRMaj forward(DMatrixRMaj x) {
            DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);
            for (int k = 0; k < y.getNumElements(); k++) {
                y.set(k, -x.get(k));
            }
            return y;
        }

        @Override
        protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
                DMatrixRMaj dY) {
            return dY.copy();
        }
    }

    static final OpEntry BROKEN = new OpEntry("forgotten_sign_neg",
            ForgottenSignNeg.class, r -> List.of(Tensor.variable(
                    RandomCases.values(r, 2, 3))),
            x -> new ForgottenSignNeg().apply(x.get(0)));

    @Test
    void aCorrectOpPassesEveryCase() {
        CatalogueCheck check = CatalogueCheck.run(OpRegistry.get("tanh"), 4);
        assertTrue(check.passed());
        assertEquals(4, check.cases());
        assertEquals(0, check.failures());
        assertNull(check.firstFailure());
        assertTrue(check.maxRelativeError() > 0
                && check.maxRelativeError() < 1e-6, "" + check);
    }

    @Test
    void aBrokenOpFailsEveryCaseAndTheFirstIsDescribed() {
        CatalogueCheck check = CatalogueCheck.run(BROKEN, 3);
        assertFalse(check.passed());
        assertEquals(3, check.failures());
        long first = CatalogueCheck.seeds(BROKEN, 3).get(0);
        assertTrue(check.firstFailure().startsWith("seed " + first
                + ": gradient check failed: 6 findings"),
                check.firstFailure());
        assertEquals(2.0, check.maxRelativeError(), 1e-6,
                "dX = dY against −dY: relative error 2");
    }
}
