package org.scratchformer.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scratchformer.fast.FastPath;
import org.scratchformer.fast.MicroBatches;
import org.scratchformer.fast.Workers;
import org.scratchformer.nn.Parameter;
import org.scratchformer.translation.Batch;
import org.scratchformer.translation.Batcher;
import org.scratchformer.translation.ModelConfig;
import org.scratchformer.translation.Trainer;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.data.Pair;
import org.scratchformer.translation.data.Split;
import org.scratchformer.translation.data.Task;

/**
 * The reference workload trains as the training loop does: on the batches
 * the loop would draw, two of its steps give the loop's losses and leave
 * the same weights, to the last bit.
 */
class TranslatorWorkloadTest {
    static final long SEED = 5;

    @Test
    void twoStepsAreTheTrainingLoopsTwoSteps() {
        Task task = Task.named(TranslatorWorkload.TASK);
        int b = TranslatorWorkload.BATCH;
        List<Pair> pairs = task.pairs(Split.TRAIN, 2 * b, SEED);
        Translator model = new Translator(ModelConfig.reference(),
                task.sourceVocabulary().size(),
                task.targetVocabulary().size(), new Random(SEED));
        Workers workers = new Workers(2);
        Trainer trainer = new Trainer(model, task, new Trainer.Settings(2, b,
                TranslatorWorkload.WARMUP, 1.0, 1.0, SEED, 2 * b, 0,
                TranslatorWorkload.MICRO_BATCHES),
                t -> new MicroBatches(t, workers));
        List<Double> losses = new ArrayList<>();
        trainer.train(pairs, 1, m -> 0, new Trainer.Listener() {
            @Override
            public void step(int step, double loss, double rate,
                    int tokens) {
                losses.add(loss);
            }

            @Override
            public void validated(int step, double score) {
            }
        });

        List<Batch> epoch = Batcher.of(task, b).shuffled(pairs, SEED, 0);
        TranslatorWorkload workload = new TranslatorWorkload(task, SEED,
                epoch, TranslatorWorkload.MICRO_BATCHES, new Random(SEED),
                t -> new MicroBatches(t, workers));
        assertEquals(TranslatorWorkload.MICRO_BATCHES,
                workload.microBatches());
        assertEquals(losses.get(0), workload.step(), 0.0, "step 1's loss");
        assertEquals(epoch.get(0).targetTokens(), workload.tokens());
        assertEquals(losses.get(1), workload.step(), 0.0, "step 2's loss");
        Map<String, Parameter> expected = model.parameters();
        workload.model().parameters().forEach((name, p) ->
                assertArrayEquals(expected.get(name).value().data,
                        p.value().data, 0.0, name));
    }

    @Test
    void theBatchesAreUsedInTurn() {
        Task task = Task.named(TranslatorWorkload.TASK);
        List<Batch> batches = Batcher.of(task, 3).batches(
                task.pairs(Split.TRAIN, 7, SEED));  // 3 pairs, 3, then 1
        TranslatorWorkload workload = new TranslatorWorkload(task, SEED,
                batches, 1, new Random(SEED), t -> t::step);
        int[] tokens = new int[4];
        for (int i = 0; i < 4; i++) {
            workload.step();
            tokens[i] = workload.tokens();
        }
        assertArrayEquals(new int[] {batches.get(0).targetTokens(),
            batches.get(1).targetTokens(), batches.get(2).targetTokens(),
            batches.get(0).targetTokens()}, tokens);
    }

    @Test
    void theWorkloadTrainsAsThePathItIsGivenTrains() {
        FastPath fast = FastPath.install(false, 1);
        FastPath plain = FastPath.install(true, 1);  // the one installed
        try {
            assertEquals(8, TranslatorWorkload.of(SEED, fast, 8)
                    .microBatches());
            assertEquals(1, TranslatorWorkload.of(SEED, plain, 8)
                    .microBatches(), "the plain code trains batches whole");
        } finally {
            plain.uninstall();
            fast.workers().close();
        }
    }
}
