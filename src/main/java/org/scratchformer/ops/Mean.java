package org.scratchformer.ops;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.Shapes;
import org.scratchformer.tensor.UnaryOp;

/**
 * Mean of all elements, a 1x1 result: the average loss over a batch.
 * PyTorch: mean in derivatives.yaml.
 *
 * <pre>y = (Σᵢⱼ Xᵢⱼ) / n,  n = R·C;   dX = (dy / n) · 1</pre>
 */
public final class Mean extends UnaryOp {
    @Override
    public String name() {
        return "mean";
    }

    // tag::forward[]
    @Override
    protected DMatrixRMaj forward(DMatrixRMaj x) {
        int n = x.getNumElements();
        if (n == 0) {
            throw new IllegalArgumentException(name() + ": X "
                    + Shapes.of(x) + " is empty; mean needs at least one"
                    + " element");
        }
        double mean = CommonOps_DDRM.elementSum(x) / n;
        return new DMatrixRMaj(1, 1, true, mean);  // y (1, 1)
    }
    // end::forward[]

    // tag::backward[]
    @Override
    protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
            DMatrixRMaj dY) {
        DMatrixRMaj dX = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
        CommonOps_DDRM.fill(dX, dY.get(0) / x.getNumElements());
        return dX;
    }
    // end::backward[]
}
