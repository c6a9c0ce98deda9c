package org.scratchformer.nn;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/**
 * A table of learned rows, one per token: the input layer of a language
 * model. PyTorch: nn.Embedding, which also starts from N(0, 1).
 *
 * <pre>
 * Y (N, C) = rows idx[0], …, idx[N−1] of W (V, C)
 * dW[v] = Σ over n with idx[n] = v of dY[n]  (a repeated token adds up)
 * </pre>
 *
 * <p>Looking a row up is the product of a one-hot row with W, without
 * making the one-hot matrix; the gather_rows op does the work.
 */
public final class Embedding extends Layer {
    private final int vocab;
    private final int width;
    private final Parameter weight;

    /** A table of {@code vocab} rows of {@code width}, drawn N(0, 1). */
    public Embedding(int vocab, int width, Random random) {
        if (vocab < 1 || width < 1) {
            throw new IllegalArgumentException("Embedding: vocabulary and"
                    + " width must be at least 1, got vocabulary " + vocab
                    + ", width " + width);
        }
        this.vocab = vocab;
        this.width = width;
        this.weight = parameter("weight",
                new Parameter(Init.normal(vocab, width, 1.0, random)));
    }

    // tag::forward[]
    /** Y (N, C) for the token ids in {@code indices}, a constant (1, N). */
    @Override
    public Tensor forward(Tensor indices) {
        requireIndices(indices);
        return Ops.gatherRows(weight.tensor(), indices);  // (N, C)
    }

    /** Y (N, C) for the token ids {@code ids}. */
    public Tensor forward(int... ids) {
        DMatrixRMaj row = new DMatrixRMaj(1, ids.length);  // (1, N)
        for (int n = 0; n < ids.length; n++) {
            row.set(0, n, ids[n]);
        }
        return forward(Tensor.constant(row));
    }
    // end::forward[]

    /** W (V, C). */
    public Parameter weight() {
        return weight;
    }

    /** The indices are data, not parameters: a constant row of ids. */
    private void requireIndices(Tensor indices) {
        if (indices.requiresGrad()) {
            throw new IllegalArgumentException(this + ": the indices must"
                    + " be a constant (Tensor.constant); ids take no"
                    + " gradient");
        }
        if (indices.rows() != 1) {
            throw new IllegalArgumentException(this + ": the indices "
                    + indices.shape() + " must be one row (1xN)");
        }
        for (int n = 0; n < indices.cols(); n++) {
            double id = indices.get(0, n);
            if (id != Math.rint(id) || id < 0 || id >= vocab) {
                throw new IllegalArgumentException(this + ": index "
                        + text(id) + " at position " + n + " is not a token"
                        + " id of the vocabulary of " + vocab + "; allowed"
                        + " are 0 to " + (vocab - 1));
            }
        }
    }

    /** 12 rather than 12.0 for a whole number. */
    private static String text(double id) {
        return id == Math.rint(id) && Math.abs(id) < 1e15
                ? Long.toString((long) id) : Double.toString(id);
    }

    @Override
    public String toString() {
        return "Embedding(" + vocab + " × " + width + ")";
    }
}
