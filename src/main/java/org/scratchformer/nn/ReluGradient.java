package org.scratchformer.nn;

/**
 * ReLU's gradient, dZ = dY ⊙ [Y &gt; 0], as a seam: {@link LinearReluOp}'s
 * backward calls the version installed with {@link LinearReluOp#use}, the
 * plain loop {@link #PLAIN} unless chapter 13 installed its own. Any
 * version must give PLAIN's bits: it only copies dY or writes 0.
 */
// tag::relu-gradient[]
@FunctionalInterface
public interface ReluGradient {
    /** dZ[k] = dY[k] where y[k] &gt; 0, else 0, for k &lt; n. */
    void apply(double[] y, double[] dY, double[] dZ, int n);

    /** One element at a time. */
    ReluGradient PLAIN = (y, dY, dZ, n) -> {
        for (int k = 0; k < n; k++) {
            dZ[k] = y[k] > 0 ? dY[k] : 0;  // dY ⊙ [Y > 0]
        }
    };
}
// end::relu-gradient[]
