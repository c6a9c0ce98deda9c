package org.scratchformer.cli;

import org.scratchformer.fast.MicroBatches;
import org.scratchformer.translation.ModelConfig;
import org.scratchformer.translation.Trainer;
import org.scratchformer.transformer.NormPlacement;

/** The translator's named configurations. */
enum Preset {
    /** A small model that trains in about a minute on two cores. */
    DEMO(new ModelConfig(64, 4, 256, 2, 2, 0.0, NormPlacement.POST, false),
            1000, 200, Preset.RATE_FACTOR, MicroBatches.DEFAULT),
    /** The reference configuration: 128, 4 heads, 512, 2 + 2 layers. */
    FULL(ModelConfig.reference(), 6000, 400, Preset.RATE_FACTOR,
            MicroBatches.REFERENCE);

    /**
     * The warm-up schedule's factor, for both presets: 0.35, a peak rate
     * of 3.1e-3 for the demo (1.5e-3 for the full model). At the paper's
     * factor 1 the last steps still jolt the weights, and a few numbers in
     * a hundred come out wrong in every kind (chapter 12, Errors by kind).
     */
    static final double RATE_FACTOR = 0.35;

    static final int BATCH = 64;
    static final int TRAINING_PAIRS = 100_000;

    final ModelConfig model;
    final int steps;
    final int warmup;
    final double rateFactor;  // of the warm-up schedule, unless the run's
    final int microBatches;   // unless the run says otherwise

    Preset(ModelConfig model, int steps, int warmup, double rateFactor,
            int microBatches) {
        this.model = model;
        this.steps = steps;
        this.warmup = warmup;
        this.rateFactor = rateFactor;
        this.microBatches = microBatches;
    }

    Trainer.Settings settings(Integer steps, long seed, Integer microBatches) {
        return settings(steps, seed, microBatches, null);
    }

    /** The preset's settings, with what the run names instead (not null). */
    Trainer.Settings settings(Integer steps, long seed, Integer microBatches,
            Double rateFactor) {
        int total = steps == null ? this.steps : steps;
        return new Trainer.Settings(total, BATCH, warmup,
                rateFactor == null ? this.rateFactor : rateFactor, 1.0, seed,
                TRAINING_PAIRS,
                Math.max(1, Math.min(500, total)),
                microBatches == null ? this.microBatches : microBatches);
    }

    static Preset of(String name) {
        for (Preset p : values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + name
                + "'; the presets are demo, full");
    }
}
