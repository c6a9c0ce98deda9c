package org.scratchformer.nn;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.ops.OpEntry;
import org.scratchformer.ops.OpSource;
import org.scratchformer.tensor.Tensor;

/**
 * Chapter 6's fused ops, for the registry (see {@link OpSource}): layer
 * normalisation and the linear layer, with and without ReLU.
 */
public final class LayerOps implements OpSource {
    @Override
    public int chapter() {
        return 6;
    }

    @Override
    public List<OpEntry> entries() {
        return List.of(new OpEntry("layer_norm", LayerNormOp.class,
                LayerOps::layerNormInputs, x -> new LayerNormOp(
                        LayerNormOp.DEFAULT_EPSILON).apply(x.get(0),
                        x.get(1), x.get(2))),
                new OpEntry("linear", LinearOp.class,
                        r -> linearInputs(r, 0), x -> LinearOp.LINEAR.apply(
                                x.get(0), x.get(1), x.get(2))),
                new OpEntry("linear_relu", LinearReluOp.class,
                        r -> linearInputs(r, 0.05),
                        x -> LinearReluOp.LINEAR_RELU.apply(x.get(0), x.get(1),
                                x.get(2))));
    }

    /**
     * X (N, in), W (in, out), b (1, out), drawn again until every element
     * of X·W + 1·b is at least {@code margin} away from 0, ReLU's kink,
     * where a finite difference would straddle it.
     */
    static List<Tensor> linearInputs(Random r, double margin) {
        int rows = RandomCases.size(r);
        int in = RandomCases.size(r);
        int out = RandomCases.size(r);
        while (true) {
            DMatrixRMaj x = RandomCases.values(r, rows, in);
            DMatrixRMaj w = RandomCases.values(r, in, out);
            DMatrixRMaj b = RandomCases.values(r, 1, out);
            DMatrixRMaj z = new DMatrixRMaj(rows, out);
            CommonOps_DDRM.mult(x, w, z);
            boolean clear = true;
            for (int k = 0; k < z.getNumElements(); k++) {
                clear &= Math.abs(z.data[k] + b.data[k % out]) >= margin;
            }
            if (clear) {
                return List.of(Tensor.variable(x), Tensor.variable(w),
                        Tensor.variable(b));
            }
        }
    }

    /** X (R, C) with C ≥ 2, gain around 1, bias around 0. */
    static List<Tensor> layerNormInputs(Random r) {
        int rows = RandomCases.size(r);
        int cols = RandomCases.size(r, 2);
        return List.of(Tensor.variable(RandomCases.values(r, rows, cols)),
                Tensor.variable(RandomCases.uniform(r, 1, cols, 0.5, 1.5)),
                Tensor.variable(RandomCases.values(r, 1, cols)));
    }
}
