package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.UnaryOp;

/**
 * Log-softmax over each row. PyTorch: _log_softmax
 * (_log_softmax_backward_data) in derivatives.yaml.
 *
 * <pre>
 * Y = X − logsumexp(X) row-wise:
 *     Yᵢⱼ = Xᵢⱼ − mᵢ − ln Σₖ e^(Xᵢₖ − mᵢ),  mᵢ = maxₖ Xᵢₖ
 * dX = dY − softmax(X) ⊙ rowSum(dY),   softmax(X) = e^Y
 * </pre>
 *
 * <p>Written this way, no exponent is positive and the sum inside the log
 * is at least 1, so Y stays finite for scores of ±1000, where ln(softmax)
 * would give ln 0 = −∞. Rows with no finite score, NaN or +∞ are rejected
 * as in {@link Softmax}.
 */
public final class LogSoftmax extends UnaryOp {
    @Override
    public String name() {
        return "log_softmax";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        for (int i = 0; i < x.numRows; i++) {
            double logSumExp = logSumExp(name(), x, i);
            for (int j = 0; j < x.numCols; j++) {
                y.set(i, j, x.get(i, j) - logSumExp);
            }
        }
        return y;
    }
    // end::forward[]

    // tag::log-sum-exp[]
    /**
     * lse = m + log Σⱼ e^(Xᵢⱼ − m) over row i, m the row's max: every term
     * of the sum lies in [0, 1] and one is 1, so nothing overflows. Rows are
     * checked as softmax checks them; chapter 7's cross-entropy uses it too.
     */
    public static double logSumExp(String op, DMatrixRMaj x, int i) {
        double max = Softmax.rowMax(op, x, i);
        double total = 0;  // Σⱼ e^(Xᵢⱼ − m) ≥ 1
        for (int j = 0; j < x.numCols; j++) {
            total += Math.exp(x.get(i, j) - max);
        }
        return max + Math.log(total);
    }
    // end::log-sum-exp[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        // dX = dY − softmax(X) ⊙ rowSum(dY), with softmax(X) = e^Y
        DMatrixRMaj dX = new DMatrixRMaj(y.numRows, y.numCols);  // (R, C)
        for (int i = 0; i < y.numRows; i++) {
            double total = 0;  // rowSum(dY) for row i
            for (int j = 0; j < y.numCols; j++) {
                total += dY.get(i, j);
            }
            for (int j = 0; j < y.numCols; j++) {
                dX.set(i, j, dY.get(i, j) - Math.exp(y.get(i, j)) * total);
            }
        }
        return dX;
    }
    // end::backward[]
}
