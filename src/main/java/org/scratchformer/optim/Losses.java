package org.scratchformer.optim;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.Tensor;

/**
 * The losses as static methods, for training code:
 * {@code Losses.crossEntropy(logits, targets)}. The math lives in
 * {@link CrossEntropy}.
 */
public final class Losses {
    private static final CrossEntropy PLAIN = new CrossEntropy();

    private Losses() {
    }

    /** Mean cross-entropy, no smoothing, targets of −100 ignored. */
    public static Tensor crossEntropy(Tensor logits, Tensor targets) {
        return PLAIN.apply(logits, targets);
    }

    /** Mean cross-entropy with an ignore index and label smoothing ε. */
    public static Tensor crossEntropy(Tensor logits, Tensor targets,
            int ignoreIndex, double smoothing) {
        return new CrossEntropy(ignoreIndex, smoothing).apply(logits,
                targets);
    }

    /** Class indices as the (N, 1) constant that cross-entropy takes. */
    public static Tensor targets(int... classes) {
        DMatrixRMaj t = new DMatrixRMaj(classes.length, 1);  // (N, 1)
        for (int n = 0; n < classes.length; n++) {
            t.set(n, 0, classes[n]);
        }
        return Tensor.constant(t);
    }
}
