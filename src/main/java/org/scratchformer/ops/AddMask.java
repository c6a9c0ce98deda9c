package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.BinaryOp;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Shapes;

/**
 * Adds an attention mask of 0 (keep) and −∞ (masked) to scores X. The mask
 * is a constant: it takes no gradient.
 *
 * <pre>
 * Y = X + M,  Mᵢⱼ ∈ {0, −∞}
 * dX = dY where M = 0,  0 where M = −∞;   dM = none
 * </pre>
 *
 * <p>A masked output is −∞, so a softmax that follows gives it weight
 * exactly 0, and no gradient flows back to the score it replaced: the
 * derivative of a constant −∞ with respect to X is 0. Any other mask value
 * (1, −1e9, NaN) is rejected; a large negative number instead of −∞ would
 * leak a tiny weight and a gradient.
 */
public final class AddMask extends BinaryOp {
    @Override
    public String name() {
        return "add_mask";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x, DMatrixRMaj m) {
        if (!Shapes.same(x, m)) {
            throw new IllegalArgumentException(name() + ": mask M "
                    + Shapes.of(m) + " must have the shape of X "
                    + Shapes.of(x));
        }
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        for (int k = 0; k < x.getNumElements(); k++) {
            double mk = m.get(k);
            if (mk != 0 && mk != Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException(name() + ": mask M "
                        + Shapes.of(m) + " holds " + mk + " at ("
                        + k / m.numCols + ", " + k % m.numCols + "); allowed"
                        + " are 0 (keep) and −∞ (masked)");
            }
            // Y = X + M; a masked element is −∞ whatever X holds there
            y.set(k, mk == 0 ? x.get(k) : Double.NEGATIVE_INFINITY);
        }
        return y;
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected Grads backward(DMatrixRMaj x, DMatrixRMaj m, DMatrixRMaj y,
            DMatrixRMaj dY) {
        // dX = dY where M = 0, 0 where M = −∞
        DMatrixRMaj dX = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        for (int k = 0; k < dX.getNumElements(); k++) {
            dX.set(k, m.get(k) == 0 ? dY.get(k) : 0);
        }
        return new Grads(dX, null);  // the mask is a constant
    }
    // end::backward[]
}
