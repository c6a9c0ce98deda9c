package org.scratchformer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scratchformer.transformer.NormPlacement;
import org.scratchformer.translation.Batch;
import org.scratchformer.translation.Batcher;
import org.scratchformer.translation.ModelConfig;
import org.scratchformer.translation.Trainer;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.data.Split;
import org.scratchformer.translation.data.Task;

/**
 * Training keeps nothing alive from one step to the next: the heap in use
 * after a full collection is the same after 20 steps as after 220. A
 * graph kept by mistake (a loss held in a list, a tensor cached with its
 * parents) would add every step's activations: tens of megabytes here.
 */
class HeapTest {
    /** A small translator on the copy task, its steps as Bench runs them. */
    static TrainingStep smallTranslator() {
        Task task = Task.named("copy");
        Translator model = new Translator(new ModelConfig(32, 4, 64, 1, 1,
                0.1, NormPlacement.POST, false),
                task.sourceVocabulary().size(),
                task.targetVocabulary().size(), new Random(1));
        Trainer trainer = new Trainer(model, task, new Trainer.Settings(
                Integer.MAX_VALUE, 32, 100, 1.0, 1.0, 1, 32, 0));
        List<Batch> batches = Batcher.of(task, 32).batches(
                task.pairs(Split.TRAIN, 32 * 4, 1));
        return new TrainingStep() {
            int steps;

            public double step() {
                steps++;
                return trainer.step(steps, batches.get(steps % 4));
            }

            public int tokens() {
                return batches.get(steps % 4).targetTokens();
            }
        };
    }

    @Test
    void theHeapIsFlatOverTrainingSteps() {
        List<Bench.HeapPoint> points = Bench.heap(smallTranslator(), 220,
                20);
        assertEquals(12, points.size(), points.toString());
        assertEquals(0, points.get(0).step());
        assertEquals(220, points.get(11).step());
        assertTrue(points.get(0).bytes() > 1_000_000, "the heap holds the"
                + " model before the first step: " + points.get(0));
        long afterWarmup = points.get(1).bytes();
        long atEnd = points.get(11).bytes();
        assertTrue(atEnd - afterWarmup < 2_000_000, "the heap grew by "
                + (atEnd - afterWarmup) + " bytes from step 20 to step 220: "
                + points);
    }
}
