package org.scratchformer.nn;

import java.util.List;
import java.util.Random;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.ops.OpEntry;
import org.scratchformer.ops.OpSource;
import org.scratchformer.tensor.Tensor;

/** Chapter 6's fused ops, for the registry (see {@link OpSource}). */
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
                        x.get(1), x.get(2))));
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
