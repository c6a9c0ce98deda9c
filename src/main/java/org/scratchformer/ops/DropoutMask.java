package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.BinaryOp;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Shapes;

/**
 * Inverted dropout with a mask the caller has drawn. The mask is a constant:
 * it takes no gradient. PyTorch: native_dropout (native_dropout_backward)
 * in derivatives.yaml.
 *
 * <pre>
 * Y = X ⊙ M,  Mᵢⱼ ∈ {0, 1/(1 − p)}
 * dX = dY ⊙ M;   dM = none
 * </pre>
 *
 * <p>Scaling the kept elements by 1/(1 − p) during training keeps the
 * expected value of each element unchanged, so nothing needs rescaling at
 * evaluation time. The op draws nothing: randomness stays with the caller
 * (the Dropout layer), and the op stays a pure function that can be
 * gradient-checked. The mask must hold only 0 and one keep value ≥ 1.
 */
public final class DropoutMask extends BinaryOp {
    @Override
    public String name() {
        return "dropout";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x, DMatrixRMaj m) {
        if (!Shapes.same(x, m)) {
            throw new IllegalArgumentException(name() + ": mask M "
                    + Shapes.of(m) + " must have the shape of X "
                    + Shapes.of(x));
        }
        requireZeroOrKeep(m);
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        for (int k = 0; k < x.getNumElements(); k++) {
            y.set(k, x.get(k) * m.get(k));  // Y = X ⊙ M
        }
        return y;
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected Grads backward(DMatrixRMaj x, DMatrixRMaj m, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj dX = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        for (int k = 0; k < dX.getNumElements(); k++) {
            dX.set(k, dY.get(k) * m.get(k));  // dX = dY ⊙ M
        }
        return new Grads(dX, null);  // the mask is a constant
    }
    // end::backward[]

    /** Every element is 0 or the one keep value 1/(1 − p), which is ≥ 1. */
    private void requireZeroOrKeep(DMatrixRMaj m) {
        int n = m.getNumElements();
        int first = 0;  // the first non-zero element gives the keep value
        while (first < n && m.data[first] == 0) {
            first++;
        }
        if (first == n) {
            return;  // all dropped
        }
        double keep = m.data[first];
        if (!(keep >= 1 && keep < Double.POSITIVE_INFINITY)) {
            throw notZeroOrKeep(m, first, 0);
        }
        for (int k = first + 1; k < n; k++) {
            if (m.data[k] != 0 && m.data[k] != keep) {
                throw notZeroOrKeep(m, k, keep);
            }
        }
    }

    private IllegalArgumentException notZeroOrKeep(DMatrixRMaj m, int k,
            double keep) {
        return new IllegalArgumentException(name() + ": mask M "
                + Shapes.of(m) + " holds " + m.data[k] + " at ("
                + k / m.numCols + ", " + k % m.numCols + "); allowed"
                + " are 0 and one keep value 1/(1 − p) ≥ 1"
                + (keep == 0 ? "" : ", here " + keep));
    }
}
