package org.scratchformer.tensor;

/**
 * How the engine adds an op's gradient into its input's gradient: the
 * last line of {@link Engine}'s propagate, and a seam. The plain version
 * is {@link #PLAIN}; chapter 13 installs one that keeps an op's new matrix
 * as the gradient instead of adding it to zeros, with the same numbers.
 */
// tag::accumulator[]
@FunctionalInterface
public interface GradientAccumulator {
    /** Input i of {@code output} receives gradient i of {@code grads}. */
    void add(Tensor output, Grads grads, int i);

    /** grad += gradient i, into the input's own matrix (zeros at first). */
    GradientAccumulator PLAIN = (output, grads, i) ->
            grads.addInto(i, output.inputs().get(i).grad());
}
// end::accumulator[]
