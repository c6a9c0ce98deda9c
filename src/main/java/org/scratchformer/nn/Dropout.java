package org.scratchformer.nn;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/**
 * Inverted dropout: in training, each element is zeroed with probability p
 * and the survivors are scaled by 1/(1 − p); in evaluation it is the
 * identity. PyTorch: nn.Dropout.
 *
 * <pre>
 * training:   Y = X ⊙ M,  M = 0 with probability p, else 1/(1 − p)
 *             E[M] = (1 − p) · 1/(1 − p) = 1, so E[Y] = X
 * evaluation: Y = X
 * </pre>
 *
 * <p>The masks come from the {@link Random} given to the constructor, one
 * draw per element in row-major order, so the same seed gives the same
 * masks. The dropout op takes the mask as a constant input; the layer
 * only draws it.
 */
public final class Dropout extends Layer {
    private final double p;
    private final Random random;

    /** Drops each element with probability {@code p}, 0 ≤ p &lt; 1. */
    public Dropout(double p, Random random) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("Dropout: p must be in"
                    + " [0, 1), the probability of zeroing an element, got "
                    + p);
        }
        this.p = p;
        this.random = random;
    }

    // tag::forward[]
    @Override
    public Tensor forward(Tensor x) {
        if (!isTraining() || p == 0) {
            return x;  // the identity: nothing drawn, nothing recorded
        }
        Tensor mask = Tensor.constant(mask(x.rows(), x.cols()));
        return Ops.dropout(x, mask);  // Y = X ⊙ M
    }

    /** M (R, C): 0 with probability p, else 1/(1 − p). */
    private DMatrixRMaj mask(int rows, int cols) {
        double keep = 1 / (1 - p);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);  // (R, C)
        for (int k = 0; k < m.getNumElements(); k++) {
            m.set(k, random.nextDouble() < p ? 0 : keep);
        }
        return m;
    }
    // end::forward[]

    /** The probability of zeroing an element. */
    public double p() {
        return p;
    }

    @Override
    public String toString() {
        return "Dropout(" + p + ")";
    }
}
