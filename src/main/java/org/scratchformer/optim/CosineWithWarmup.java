package org.scratchformer.optim;

/**
 * A linear rise to the peak over {@code warmup} steps, then half a cosine
 * down to the floor at step {@code total}, and the floor after that.
 *
 * <pre>
 * t ≤ warmup:          rate = peak · t / warmup
 * warmup &lt; t ≤ total:  rate = floor + (peak − floor) · (1 + cos(π·s)) / 2,
 *                      s = (t − warmup) / (total − warmup)
 * t &gt; total:           rate = floor
 * </pre>
 *
 * @param peak   the rate at step {@code warmup}, positive
 * @param warmup the warm-up steps, ≥ 0 (0: start at the peak)
 * @param total  the step where the floor is reached, &gt; warmup
 * @param floor  the final rate, in [0, peak]
 */
public record CosineWithWarmup(double peak, int warmup, int total,
        double floor) implements LearningRateSchedule {

    public CosineWithWarmup {
        if (!(peak > 0) || !Double.isFinite(peak)) {
            throw new IllegalArgumentException("CosineWithWarmup: the peak"
                    + " must be a positive finite number, got " + peak);
        }
        if (warmup < 0 || total <= warmup) {
            throw new IllegalArgumentException("CosineWithWarmup: need"
                    + " 0 ≤ warmup < total, got warmup " + warmup
                    + " and total " + total);
        }
        if (!(floor >= 0 && floor <= peak)) {
            throw new IllegalArgumentException("CosineWithWarmup: the floor"
                    + " must be in [0, peak] = [0, " + peak + "], got "
                    + floor);
        }
    }

    // tag::rate[]
    @Override
    public double rate(int step) {
        LearningRateSchedule.requireStep("CosineWithWarmup", step);
        if (step <= warmup) {
            return peak * step / warmup;  // linear warm-up
        }
        if (step >= total) {
            return floor;
        }
        // s runs from 0 (after warm-up) to 1 (at total)
        double s = (double) (step - warmup) / (total - warmup);
        return floor + (peak - floor) * (1 + Math.cos(Math.PI * s)) / 2;
    }
    // end::rate[]
}
