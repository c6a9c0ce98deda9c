package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scratchformer.bench.TranslatorWorkload;

/**
 * Each preset trains in its own number of micro-batches unless the run
 * names one: the demo in 4, the reference model in 8 (chapter 13), which
 * is also what {@code bench} measures.
 */
class PresetTest {
    @Test
    void eachPresetHasItsMicroBatchesAndARunsOwnCountWins() {
        assertEquals(4, Preset.DEMO.settings(null, 1, null).microBatches());
        assertEquals(8, Preset.FULL.settings(null, 1, null).microBatches());
        assertEquals(3, Preset.FULL.settings(null, 1, 3).microBatches());
        assertEquals(Preset.FULL.microBatches, TranslatorWorkload.MICRO_BATCHES,
                "bench measures the reference model as full trains it");
    }

    @Test
    void eachPresetHasItsRateFactorAndARunsOwnWins() {
        // below the paper's factor 1 (chapter 12, Errors by kind)
        assertEquals(0.35, Preset.DEMO.settings(null, 1, null).rateFactor());
        assertEquals(0.35, Preset.FULL.settings(null, 1, null).rateFactor());
        assertEquals(0.5, Preset.DEMO.settings(null, 1, null, 0.5)
                .rateFactor());
        assertEquals(Preset.DEMO.settings(null, 1, null),
                Preset.DEMO.settings(null, 1, null, null));
    }
}
