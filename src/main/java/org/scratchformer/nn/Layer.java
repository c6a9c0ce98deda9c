package org.scratchformer.nn;

import org.scratchformer.tensor.Tensor;

/**
 * A module with one input and one output: Linear, LayerNorm, Dropout,
 * FeedForward, and the {@link Sequential} that chains them. Modules with
 * several inputs (attention takes queries, keys and values) are plain
 * {@link Module}s with a forward of their own.
 */
// tag::layer[]
public abstract class Layer extends Module {
    /** Y = layer(X), recorded in the graph unless in a no-grad scope. */
    public abstract Tensor forward(Tensor x);
}
// end::layer[]
