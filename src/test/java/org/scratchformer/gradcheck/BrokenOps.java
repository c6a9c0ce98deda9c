package org.scratchformer.gradcheck;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.BinaryOp;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.UnaryOp;

/**
 * Test-only ops, each with one bug that {@link GradCheck} must find (and
 * one correct op with a kink). They live under src/test so that the op
 * registry's coverage test, which scans the main classes, never sees them.
 */
final class BrokenOps {
    private BrokenOps() {
    }

    /** Y = A·B with a sign error: dA = −dY·Bᵀ. */
    static final class WrongSignMatMul extends BinaryOp {
        @Override
        public String name() {
            return "wrong_sign_matmul";
        }

        @Override
        protected DMatrixRMaj forward(DMatrixRMaj a, DMatrixRMaj b) {
            return CommonOps_DDRM.mult(a, b, null);
        }

        @Override
        protected Grads backward(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj y,
                DMatrixRMaj dY) {
            DMatrixRMaj dA = CommonOps_DDRM.multTransB(dY, b, null);
            CommonOps_DDRM.scale(-1, dA);  // the bug
            return new Grads(dA, CommonOps_DDRM.multTransA(a, dY, null));
        }
    }

    /** Y = A·B with a missing transpose: dA = dY·B; shapes fit if square. */
    static final class MissingTransposeMatMul extends BinaryOp {
        @Override
        public String name() {
            return "missing_transpose_matmul";
        }

        @Override
        protected DMatrixRMaj forward(DMatrixRMaj a, DMatrixRMaj b) {
            return CommonOps_DDRM.mult(a, b, null);
        }

        // tag::missing-transpose[]
        @Override
        protected Grads backward(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj y,
                DMatrixRMaj dY) {
            DMatrixRMaj dA = CommonOps_DDRM.mult(dY, b, null);  // the bug
            return new Grads(dA, CommonOps_DDRM.multTransA(a, dY, null));
        }
        // end::missing-transpose[]
    }

    /**
     * Y = A·B with a backward that ignores dY and assumes it is all ones,
     * as it is when Y is summed: dA = 1·Bᵀ, dB = Aᵀ·1.
     */
    static final class IgnoresDyMatMul extends BinaryOp {
        @Override
        public String name() {
            return "ignores_dy_matmul";
        }

        @Override
        protected DMatrixRMaj forward(DMatrixRMaj a, DMatrixRMaj b) {
            return CommonOps_DDRM.mult(a, b, null);
        }

        // tag::ignores-dy[]
        @Override
        protected Grads backward(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj y,
                DMatrixRMaj dY) {
            DMatrixRMaj ones = new DMatrixRMaj(dY.numRows, dY.numCols);
            CommonOps_DDRM.fill(ones, 1);  // the bug: dY is not always 1
            return new Grads(CommonOps_DDRM.multTransB(ones, b, null),
                    CommonOps_DDRM.multTransA(a, ones, null));
        }
        // end::ignores-dy[]
    }

    /** Y = |X|, correct, with a kink at 0: dX = dY ⊙ sign(X). */
    static final class Abs extends UnaryOp {
        @Override
        public String name() {
            return "abs";
        }

        @Override
        protected DMatrixRMaj forward(DMatrixRMaj x) {
            DMatrixRMaj y = x.copy();
            CommonOps_DDRM.abs(y);
            return y;
        }

        @Override
        protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
                DMatrixRMaj dY) {
            DMatrixRMaj dX = new DMatrixRMaj(x.numRows, x.numCols);
            for (int k = 0; k < dX.getNumElements(); k++) {
                dX.set(k, dY.get(k) * Math.signum(x.get(k)));
            }
            return dX;
        }
    }

    /** Y = X ⊙ X, but backward adds into a buffer it keeps between calls. */
    static final class CachedGradientSquare extends UnaryOp {
        private DMatrixRMaj dX;  // the bug: state that outlives one call

        @Override
        public String name() {
            return "cached_gradient_square";
        }

        @Override
        protected DMatrixRMaj forward(DMatrixRMaj x) {
            return CommonOps_DDRM.elementMult(x, x, null);
        }

        @Override
        protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
                DMatrixRMaj dY) {
            if (dX == null) {
                dX = new DMatrixRMaj(x.numRows, x.numCols);
            }
            for (int k = 0; k < dX.getNumElements(); k++) {
                dX.plus(k, 2 * x.get(k) * dY.get(k));
            }
            return dX.copy();
        }
    }

    /**
     * Y = X ⊙ X, saving X in forward and zeroing it after one backward, as
     * if to free memory: a second backward on the same graph gives 0.
     */
    static final class ReleasingSquare extends UnaryOp {
        private DMatrixRMaj saved;  // the bug: forward state

        @Override
        public String name() {
            return "releasing_square";
        }

        @Override
        protected DMatrixRMaj forward(DMatrixRMaj x) {
            saved = x.copy();
            return CommonOps_DDRM.elementMult(x, x, null);
        }

        @Override
        protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
                DMatrixRMaj dY) {
            DMatrixRMaj dX = CommonOps_DDRM.elementMult(saved, dY, null);
            CommonOps_DDRM.scale(2, dX);
            saved.zero();
            return dX;
        }
    }

    /** Y = 2X computed in place: forward doubles its input. */
    static final class InPlaceDouble extends UnaryOp {
        @Override
        public String name() {
            return "in_place_double";
        }

        @Override
        protected DMatrixRMaj forward(DMatrixRMaj x) {
            CommonOps_DDRM.scale(2, x);  // the bug: modifies the input
            return x.copy();
        }

        @Override
        protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
                DMatrixRMaj dY) {
            DMatrixRMaj dX = dY.copy();
            CommonOps_DDRM.scale(2, dX);
            return dX;
        }
    }
}
