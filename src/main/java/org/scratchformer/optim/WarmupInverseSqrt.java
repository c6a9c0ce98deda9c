package org.scratchformer.optim;

/**
 * The schedule of "Attention Is All You Need" (section 5.3): a linear rise
 * for {@code warmup} steps, then decay as 1/√step.
 *
 * <pre>
 * rate(t) = factor · d_model^−0.5 · min(t^−0.5, t · warmup^−1.5)
 * </pre>
 *
 * <p>The two arguments of min are equal at t = warmup, where the rate peaks
 * at factor / √(d_model · warmup).
 *
 * @param dModel the model width d_model, ≥ 1
 * @param warmup the warm-up steps, ≥ 1
 * @param factor a positive multiplier (1 in the paper)
 */
public record WarmupInverseSqrt(int dModel, int warmup, double factor)
        implements LearningRateSchedule {

    public WarmupInverseSqrt {
        if (dModel < 1 || warmup < 1) {
            throw new IllegalArgumentException("WarmupInverseSqrt: d_model"
                    + " and warmup must be ≥ 1, got d_model " + dModel
                    + " and warmup " + warmup);
        }
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("WarmupInverseSqrt: the factor"
                    + " must be a positive finite number, got " + factor);
        }
    }

    /** The paper's schedule, factor 1. */
    public WarmupInverseSqrt(int dModel, int warmup) {
        this(dModel, warmup, 1);
    }

    // tag::rate[]
    @Override
    public double rate(int step) {
        LearningRateSchedule.requireStep("WarmupInverseSqrt", step);
        // factor · d_model^−0.5 · min(t^−0.5, t · warmup^−1.5)
        return factor * Math.pow(dModel, -0.5) * Math.min(
                Math.pow(step, -0.5), step * Math.pow(warmup, -1.5));
    }
    // end::rate[]
}
