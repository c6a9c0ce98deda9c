package org.scratchformer.transformer;

import java.util.function.UnaryOperator;
import org.scratchformer.nn.Dropout;
import org.scratchformer.nn.LayerNorm;
import org.scratchformer.nn.Module;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/**
 * A residual connection around a sublayer f, with its LayerNorm and
 * dropout:
 *
 * <pre>
 * post-LN:  Y = LN(X + dropout(f(X)))
 * pre-LN:   Y = X + dropout(f(LN(X)))
 * </pre>
 *
 * The Annotated Transformer's SublayerConnection, with both orders.
 */
final class Sublayer extends Module {
    private final NormPlacement placement;
    private final LayerNorm norm;
    private final Dropout dropout;

    Sublayer(LayerConfig config, java.util.Random random) {
        this.placement = config.norm();
        this.norm = child("norm", new LayerNorm(config.model()));
        this.dropout = child("dropout", new Dropout(config.dropout(),
                random));
    }

    // tag::residual[]
    Tensor apply(Tensor x, UnaryOperator<Tensor> f) {
        if (placement == NormPlacement.POST) {
            // Y = LN(X + dropout(f(X)))
            return norm.forward(Ops.add(x, dropout.forward(f.apply(x))));
        }
        // Y = X + dropout(f(LN(X)))
        return Ops.add(x, dropout.forward(f.apply(norm.forward(x))));
    }
    // end::residual[]
}
