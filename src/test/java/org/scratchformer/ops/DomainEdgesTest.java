package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.scratchformer.ops.MatrixAssertions.assertClose;
import static org.scratchformer.ops.MatrixAssertions.assertRejected;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.scratchformer.tensor.Tensor;

/**
 * Inputs exactly on the edge of what an op accepts: the edge is in, and
 * just past it is out.
 */
class DomainEdgesTest {

    @Test
    void xToTheZeroAcceptsZeroAsPyTorchDoes() {
        // 0⁰ = 1; only negative whole exponents exclude 0
        Tensor y = Ops.pow(Tensor.variable(new double[][] {{0, -2}}), 0);
        assertClose(new double[][] {{1, 1}}, y.value(), 0);
        assertRejected(() -> Ops.pow(Tensor.variable(new double[][] {{0}}),
                -1), "pow", "nonzero inputs for the exponent -1.0");
    }

    @Test
    void aFractionalPositiveExponentAcceptsZero() {
        Tensor y = Ops.pow(Tensor.constant(new double[][] {{0, 4}}), 0.5);
        assertClose(new double[][] {{0, 2}}, y.value(), 0);
        assertRejected(() -> Ops.pow(Tensor.constant(new double[][] {{0}}),
                -0.5), "pow", "positive inputs for the exponent -0.5");
    }

    @Test
    void aDropoutMaskMayKeepWithOneButNotWithInfinity() {
        // p = 0 gives the keep value 1/(1 − 0) = 1
        Tensor x = Tensor.variable(new double[][] {{1, 2, 3}});
        Tensor y = Ops.dropout(x, Tensor.constant(new double[][] {{1, 0,
                1}}));
        assertClose(new double[][] {{1, 0, 3}}, y.value(), 0);
        assertRejected(() -> Ops.dropout(x, Tensor.constant(new double[][] {
                {Double.POSITIVE_INFINITY, 0, 0}})), "dropout",
                "holds Infinity at (0, 0)");
    }

    @Test
    void aGoldenValueExactlyAtTheToleranceMatches() {
        // |a − b| = 1e-10 = TOLERANCE · max(1, 0)
        assertNull(GoldenValues.compare(new double[][] {{0}},
                new DMatrixRMaj(new double[][] {{GoldenValues.TOLERANCE}})));
    }

    @Test
    void anEntryPrintsAsItsName() {
        assertEquals("matmul", OpRegistry.get("matmul").toString());
    }
}
