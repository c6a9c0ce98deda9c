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
        if (target < 0 || target >= vocab) {
            throw new IllegalArgumentException("target " + target
                    + " is not a class in [0, " + vocab + ")");
        }
        // q = (1 − ε)·onehot(target) + ε/V
        double[] q = new double[vocab];
        for (int j = 0; j < vocab; j++) {
            q[j] = epsilon / vocab;
        }
        q[target] += 1 - epsilon;
        return q;
    }

    /**
     * −Σⱼ qⱼ·log softmax(logits)ⱼ for one row; finite for logits of ±1000
     * and for ε of 0 and 1.
     */
    public static double loss(double[] logits, int target, double epsilon) {
        double[] q = targetDistribution(target, logits.length, epsilon);
        // lse = m + log Σ exp(xⱼ − m); log softmaxⱼ = xⱼ − lse
        double max = Double.NEGATIVE_INFINITY;
        for (double x : logits) {
            max = Math.max(max, x);
        }
        double sum = 0;
        for (double x : logits) {
            sum += Math.exp(x - max);
        }
        double lse = max + Math.log(sum);
        double loss = 0;
        for (int j = 0; j < logits.length; j++) {
            loss += q[j] * (lse - logits[j]);
        }
        return loss;
    }
}
