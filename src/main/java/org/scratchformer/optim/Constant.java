package org.scratchformer.optim;

/**
 * The same rate at every step.
 *
 * @param value the rate, positive and finite
 */
public record Constant(double value) implements LearningRateSchedule {

    public Constant {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("Constant: the rate must be a"
                    + " positive finite number, got " + value);
        }
    }

    @Override
    public double rate(int step) {
        LearningRateSchedule.requireStep("Constant", step);
        return value;
    }
}
