package org.scratchformer.translation.anomaly;

import org.scratchformer.tensor.Engine;
import org.scratchformer.tensor.GradientAccumulator;

/**
 * Anomaly mode: while it is on, every gradient the engine adds is checked
 * ({@link CheckedGradients}, wrapped around whichever accumulator was
 * installed), and {@link ForwardCheck} walks the translator's logits
 * before its loss reads them and {@link StepCheck} each finished forward
 * pass, so that a NaN or an infinity is named where it first appears.
 * It costs a pass over every number of the graph each step; without it,
 * training still stops on a non-finite loss or gradient, but says only
 * that it did.
 *
 * <pre>{@code
 * try (AnomalyMode on = AnomalyMode.on()) {
 *     trainer.train(...);
 * }
 * }</pre>
 */
public final class AnomalyMode implements AutoCloseable {
    /** {@code -Dscratchformer.anomaly=true} turns it on, as the option. */
    public static final String PROPERTY = "scratchformer.anomaly";

    private final GradientAccumulator before;

    private AnomalyMode(GradientAccumulator before) {
        this.before = before;
    }

    // tag::on[]
    /**
     * Turns anomaly mode on until {@link #close}, which puts back the
     * accumulator that was installed. Turned on twice, it checks once.
     */
    public static AnomalyMode on() {
        GradientAccumulator installed = Engine.accumulator();
        if (!(installed instanceof CheckedGradients)) {
            Engine.use(new CheckedGradients(installed));
        }
        return new AnomalyMode(installed);
    }

    /** Whether anomaly mode is on. */
    public static boolean isOn() {
        return Engine.accumulator() instanceof CheckedGradients;
    }
    // end::on[]

    /** Whether an option or the system property asks for it. */
    public static boolean requested(boolean option) {
        return option || Boolean.getBoolean(PROPERTY);
    }

    @Override
    public void close() {
        Engine.use(before);
    }
}
