package org.scratchformer.tensor;

/**
 * Elementwise loops the JIT leaves slow, as a service like
 * {@link GemmKernel}: a plain-Java version ({@link PlainElements}) and a
 * Vector API one in chapter 13's package, which must give the same results.
 *
 * <p>Why these loops: each picks one of two values by a comparison. C2 turns
 * {@code y > 0 ? dY : 0} over doubles into a branch, and where the
 * comparison is true for about half the elements (ReLU's gradient) the
 * branch is mispredicted half the time. A vector compare and blend has no
 * branch; at the feed-forward's shapes it is about ten times faster.
 */
// tag::elements[]
public interface ElementKernel {
    /** A short name for reports: "plain", "vector 256-bit". */
    String name();

    /** dZ[k] = dY[k] where y[k] &gt; 0, else 0, for k &lt; n: ReLU's gradient. */
    void reluGradient(double[] y, double[] dY, double[] dZ, int n);

    /** The first k &lt; n where m[k] is neither 0 nor keep, or −1. */
    int firstNotZeroOr(double[] m, int n, double keep);
}
// end::elements[]
