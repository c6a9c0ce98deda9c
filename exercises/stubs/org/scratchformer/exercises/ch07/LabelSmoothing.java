package org.scratchformer.exercises.ch07;

/**
 * Exercise 7.2: the label-smoothed target distribution, and the cross-entropy
 * of one row of logits against it, without ever taking log(0).
 */
public final class LabelSmoothing {
    private LabelSmoothing() {
    }

    /**
     * q over {@code vocab} classes for the class {@code target} and
     * smoothing ε in [0, 1]; throws IllegalArgumentException if target is
     * not in [0, vocab).
     */
    public static double[] targetDistribution(int target, int vocab,
            double epsilon) {
        throw new UnsupportedOperationException("(1 − ε) on the target,"
                + " plus ε/V on every class");
    }

    /**
     * −Σⱼ qⱼ·log softmax(logits)ⱼ for one row; finite for logits of ±1000
     * and for ε of 0 and 1.
     */
    public static double loss(double[] logits, int target, double epsilon) {
        throw new UnsupportedOperationException("log softmax = x − lse(x),"
                + " with the row max taken out of lse");
    }
}
