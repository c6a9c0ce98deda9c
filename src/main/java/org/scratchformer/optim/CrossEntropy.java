package org.scratchformer.optim;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.ops.LogSoftmax;
import org.scratchformer.tensor.BinaryOp;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Shapes;

/**
 * Cross-entropy of class indices under softmax(logits), averaged over the
 * rows that count: one fused, stable op. PyTorch: F.cross_entropy with
 * {@code ignore_index} and {@code label_smoothing}, reduction "mean".
 *
 * <pre>
 * per row n with target k = tₙ ≠ ignoreIndex, V classes:
 *   q    = (1 − ε)·onehot(k) + ε/V                  the target distribution
 *   lse  = m + log Σⱼ exp(xⱼ − m),  m = maxⱼ xⱼ     log-sum-exp, stable
 *   lossₙ = Σⱼ qⱼ·(lse − xⱼ) = lse − (1 − ε)·x_k − (ε/V)·Σⱼ xⱼ
 * y = Σₙ lossₙ / count            count = rows whose target is not ignored
 *
 * dXₙ = dy · (softmax(xₙ) − q) / count  for a counted row,  0 for an ignored
 * row; the targets are a constant and get no gradient
 * </pre>
 *
 * <p>Inputs: logits (N, V), a variable, and targets (N, 1), a constant that
 * holds class indices as integer-valued doubles. The loss never takes the
 * log of a probability, so logits of ±1000 and ε of 0 or 1 stay finite.
 */
public final class CrossEntropy extends BinaryOp {
    /** PyTorch's default: no class index is ever −100. */
    public static final int DEFAULT_IGNORE_INDEX = -100;

    private final int ignoreIndex;
    private final double smoothing;

    /** No smoothing; rows whose target is −100 are ignored. */
    public CrossEntropy() {
        this(DEFAULT_IGNORE_INDEX, 0);
    }

    /**
     * @param ignoreIndex rows with this target are left out of the loss and
     *                    of the count (the padding id); any int, and it may
     *                    be a valid class, as the padding id 0 often is
     * @param smoothing   label smoothing ε in [0, 1]
     */
    public CrossEntropy(int ignoreIndex, double smoothing) {
        if (!(smoothing >= 0 && smoothing <= 1)) {
            throw new IllegalArgumentException("cross_entropy: label"
                    + " smoothing must be in [0, 1], got " + smoothing);
        }
        this.ignoreIndex = ignoreIndex;
        this.smoothing = smoothing;
    }

    @Override
    public String name() {
        return "cross_entropy";
    }

    public int ignoreIndex() {
        return ignoreIndex;
    }

    public double smoothing() {
        return smoothing;
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x, DMatrixRMaj targets) {
        int count = countedRows(x, targets);
        int vocab = x.numCols;
        double total = 0;
        for (int n = 0; n < x.numRows; n++) {
            int k = (int) targets.get(n, 0);
            if (k == ignoreIndex) {
                continue;
            }
            double rowSum = 0;
            for (int j = 0; j < vocab; j++) {
                rowSum += x.get(n, j);
            }
            // lossₙ = lse − (1 − ε)·x_k − (ε/V)·Σⱼ xⱼ
            total += LogSoftmax.logSumExp(name(), x, n) - (1 - smoothing) * x.get(n, k)
                    - smoothing / vocab * rowSum;
        }
        return new DMatrixRMaj(1, 1, true, total / count);  // y (1, 1)
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected Grads backward(DMatrixRMaj x, DMatrixRMaj targets,
            DMatrixRMaj y, DMatrixRMaj dY) {
        int vocab = x.numCols;
        double scale = dY.get(0) / countedRows(x, targets);
        DMatrixRMaj dX = new DMatrixRMaj(x.numRows, vocab);  // (N, V)
        for (int n = 0; n < x.numRows; n++) {
            int k = (int) targets.get(n, 0);
            if (k == ignoreIndex) {
                continue;  // an ignored row keeps dXₙ = 0
            }
            double lse = LogSoftmax.logSumExp(name(), x, n);
            for (int j = 0; j < vocab; j++) {
                // dXₙⱼ = dy/count · (softmaxⱼ − qⱼ)
                double q = (j == k ? 1 - smoothing : 0) + smoothing / vocab;
                dX.set(n, j, scale * (Math.exp(x.get(n, j) - lse) - q));
            }
        }
        return new Grads(dX, null);
    }
    // end::backward[]

    /** Checks shapes and targets; returns how many rows count. */
    private int countedRows(DMatrixRMaj x, DMatrixRMaj targets) {
        if (targets.numRows != x.numRows || targets.numCols != 1) {
            throw new IllegalArgumentException(name() + ": targets "
                    + Shapes.of(targets) + " must be "
                    + Shapes.of(x.numRows, 1) + ", one class index per row"
                    + " of the logits " + Shapes.of(x));
        }
        int count = 0;
        for (int n = 0; n < x.numRows; n++) {
            double t = targets.get(n, 0);
            if (t == ignoreIndex) {
                continue;
            }
            if (!(t >= 0 && t < x.numCols) || t != Math.rint(t)) {
                throw new IllegalArgumentException(name() + ": target " + t
                        + " in row " + n + " is not a class index in [0, "
                        + x.numCols + ") nor the ignore index "
                        + ignoreIndex);
            }
            count++;
        }
        if (count == 0) {
            throw new IllegalArgumentException(name() + ": every one of the "
                    + x.numRows + " rows has the ignore index " + ignoreIndex
                    + " as its target; the mean over no rows is undefined");
        }
        return count;
    }
}
