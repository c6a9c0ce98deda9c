package org.scratchformer.cli;

import org.scratchformer.fast.MicroBatches;
import org.scratchformer.translation.ModelConfig;
import org.scratchformer.translation.Trainer;
import org.scratchformer.transformer.NormPlacement;

/** The translator's named configurations. */
enum Preset {
    /** A small model that trains in a few minutes on two cores. */
    DEMO(new ModelConfig(64, 4, 256, 2, 2, 0.0, NormPlacement.POST, false),
            1000, 200, MicroBatches.DEFAULT),
    /** The reference configuration: 128, 4 heads, 512, 2 + 2 layers. */
    FULL(ModelConfig.reference(), 6000, 400, MicroBatches.REFERENCE);

    static final int BATCH = 64;
    static final int TRAINING_PAIRS = 100_000;

    final ModelConfig model;
    final int steps;
    final int warmup;
    final int microBatches;  // unless the run says otherwise

    Preset(ModelConfig model, int steps, int warmup, int microBatches) {
        this.model = model;
        this.steps = steps;
        this.warmup = warmup;
        this.microBatches = microBatches;
    }

    Trainer.Settings settings(Integer steps, long seed, Integer microBatches) {
        int total = steps == null ? this.steps : steps;
        return new Trainer.Settings(total, BATCH, warmup,
                1.0, 1.0, seed, TRAINING_PAIRS,
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
