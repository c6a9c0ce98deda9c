package org.scratchformer.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchformer.optim.WarmupInverseSqrt;
import org.scratchformer.transformer.NormPlacement;
import org.scratchformer.translation.checkpoint.Checkpoint;
import org.scratchformer.translation.checkpoint.CheckpointTest;
import org.scratchformer.translation.data.Pair;
import org.scratchformer.translation.data.Split;
import org.scratchformer.translation.data.Task;

/**
 * The training loop walks each epoch's shuffled batches in order, reports
 * every step, validates at its intervals and at the end, and a run resumed
 * from a checkpoint continues exactly as the uninterrupted run did.
 */
class TrainerTest {
    /** Small enough to train in milliseconds, with dropout on. */
    static final ModelConfig TINY = new ModelConfig(8, 2, 16, 1, 1, 0.1,
            NormPlacement.POST, false);

    @TempDir
    Path dir;

    final Task task = Task.named("copy");
    // 7 steps of 4 pairs over 8 pairs: epochs 0 to 2 and the start of 3
    final Trainer.Settings settings = new Trainer.Settings(7, 4, 2, 1.0,
            1.0, 1, 8, 3);
    final List<Pair> pairs = task.pairs(Split.TRAIN, 8, 1);

    Translator model(ModelConfig config, long seed) {
        return new Translator(config, task.sourceVocabulary().size(),
                task.targetVocabulary().size(), new Random(seed));
    }

    /** Writes every call of the listener as one line. */
    static class Record implements Trainer.Listener {
        final List<String> lines = new ArrayList<>();

        @Override
        public void step(int step, double loss, double rate, int tokens) {
            lines.add("step " + step + " loss " + loss + " rate " + rate
                    + " tokens " + tokens);
        }

        @Override
        public void validated(int step, double score) {
            lines.add("validated " + step + " score " + score);
        }

        @Override
        public void stepDone(int step) {
            lines.add("done " + step);
        }
    }

    /** Validation that requires the model in evaluation mode. */
    static final ToDoubleFunction<Translator> VALIDATE = m -> {
        assertFalse(m.isTraining(), "validation sees a training model");
        return 0.5;
    };

    @ParameterizedTest(name = "{0} pairs")
    @ValueSource(ints = {8, 12})  // epochs of 2 and of 3 batches
    void theLoopTakesEachEpochsShuffledBatchesInOrder(int count) {
        List<Pair> some = task.pairs(Split.TRAIN, count, 1);
        int perEpoch = count / 4;
        Trainer.Settings these = new Trainer.Settings(7, 4, 2, 1.0, 1.0, 1,
                count, 3);
        Translator trained = model(TINY, 1);
        Record record = new Record();
        new Trainer(trained, task, these).train(some, 1, VALIDATE, record);
        assertFalse(trained.isTraining(), "left in training mode");

        // the same steps by hand, on a copy of the starting model
        Trainer byHand = new Trainer(model(TINY, 1), task, these);
        Batcher batcher = Batcher.of(task, 4);
        WarmupInverseSqrt schedule = new WarmupInverseSqrt(8, 2, 1.0);
        List<String> expected = new ArrayList<>();
        for (int step = 1; step <= 7; step++) {
            int epoch = (step - 1) / perEpoch;
            Batch batch = batcher.shuffled(some, 1, epoch)
                    .get((step - 1) % perEpoch);
            double loss = byHand.step(step, batch);
            expected.add("step " + step + " loss " + loss + " rate "
                    + schedule.rate(step) + " tokens "
                    + batch.targetTokens());
            if (step % 3 == 0 || step == 7) {
                expected.add("validated " + step + " score 0.5");
            }
            expected.add("done " + step);
        }
        assertEquals(expected, record.lines);
    }

    @ParameterizedTest(name = "{0} steps")
    @ValueSource(ints = {1, 2, 3, 7})  // within, at the end of, past epochs
    void trainedOnListsThePairsOfTheBatchesTheLoopTrainsOn(int steps) {
        List<Pair> some = task.pairs(Split.TRAIN, 10, 2);  // 2 batches left
        Trainer.Settings these = new Trainer.Settings(steps, 4, 2, 1.0, 1.0,
                3, 10, 0);
        List<Pair> fed = new ArrayList<>();
        new Trainer(model(TINY, 1), task, these, trainer -> (step, batch)
                -> {
            fed.addAll(batch.pairs());
            return 0;
        }).train(some, 1, VALIDATE, new Record());
        assertEquals(4 * steps, fed.size());
        assertEquals(fed, Trainer.trainedOn(task, these, some, steps));
    }

    @Test
    void withValidateEveryZeroNothingIsValidated() {
        Trainer.Settings never = new Trainer.Settings(2, 4, 2, 1.0, 1.0, 1,
                8, 0);
        Record record = new Record();
        Translator model = model(TINY, 1);
        new Trainer(model, task, never).train(pairs, 1, VALIDATE, record);
        assertFalse(model.isTraining(), "left in training mode");
        assertEquals(4, record.lines.size(), record.lines.toString());
        assertTrue(record.lines.stream().noneMatch(
                l -> l.startsWith("validated")), record.lines.toString());
    }

    @Test
    void aStepReturnsTheLossBeforeItsUpdateAndLowersIt() {
        Batch batch = Batcher.of(task, 4).batch(pairs.subList(0, 4));
        // the loss a step reports: training mode, dropout drawn from
        // seed·1000003 + step
        Translator same = model(TINY, 1);
        same.train();
        same.reseedDropout(1 * 1_000_003L + 1);
        double before = same.loss(batch).item();

        Trainer.Settings gentle = new Trainer.Settings(10, 4, 2, 0.1, 1.0,
                1, 8, 3);
        Trainer trainer = new Trainer(model(TINY, 1), task, gentle);
        assertEquals(before, trainer.step(1, batch), 0);
        double loss = before;
        for (int step = 2; step <= 4; step++) {
            loss = trainer.step(step, batch);
        }
        assertTrue(loss < before - 0.3, before + " → " + loss);
    }

    @Test
    void theDropoutMasksDependOnTheSeed() {
        Batch batch = Batcher.of(task, 4).batch(pairs.subList(0, 4));
        Trainer.Settings otherSeed = new Trainer.Settings(7, 4, 2, 1.0, 1.0,
                2, 8, 3);
        double one = new Trainer(model(TINY, 1), task, settings)
                .step(1, batch);
        double two = new Trainer(model(TINY, 1), task, otherSeed)
                .step(1, batch);
        assertNotEquals(one, two);
    }

    @Test
    void aRunResumedFromACheckpointEqualsTheUninterruptedRun()
            throws IOException {
        Translator whole = model(TINY, 1);
        Trainer wholeTrainer = new Trainer(whole, task, settings);
        Record wholeRecord = new Record() {
            @Override
            public void stepDone(int step) {
                super.stepDone(step);
                if (step == 3) {
                    save(whole, wholeTrainer);
                }
            }
        };
        wholeTrainer.train(pairs, 1, VALIDATE, wholeRecord);

        Checkpoint.Run run = Checkpoint.readRun(dir);
        assertEquals(3, run.step());
        Translator resumed = Checkpoint.loadModel(dir, run);
        Trainer resumedTrainer = new Trainer(resumed, task, run.settings());
        Checkpoint.loadOptimizer(dir, run, resumedTrainer.optimizer());
        Record resumedRecord = new Record();
        // step 4 is the second of epoch 1: the resumed loop draws that
        // epoch's order itself
        resumedTrainer.train(pairs, 4, VALIDATE, resumedRecord);

        List<String> after3 = wholeRecord.lines.subList(
                wholeRecord.lines.indexOf("done 3") + 1,
                wholeRecord.lines.size());
        assertEquals(after3, resumedRecord.lines);
        CheckpointTest.assertSameWeights(whole, resumed);
    }

    void save(Translator model, Trainer trainer) {
        try {
            Checkpoint.save(dir, new Checkpoint.Run("copy", TINY, settings,
                    3), model, trainer.optimizer(), task);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theLoopRunsEveryStepThroughTheStrategyItWasGiven() {
        Translator model = model(TINY, 1);
        List<Integer> asked = new ArrayList<>();
        Trainer[] made = new Trainer[1];
        Trainer trainer = new Trainer(model, task, settings, t -> {
            made[0] = t;
            return (step, batch) -> {
                asked.add(step);
                return 0.25 * step;  // not a real step: what the loop reports
            };
        });
        assertSame(trainer, made[0], "the strategy is made for this trainer");
        assertSame(model, trainer.model());
        assertSame(settings, trainer.settings());
        assertEquals(4, trainer.batcher().batchSize());
        assertEquals(new WarmupInverseSqrt(TINY.model(), 2, 1.0).rate(5),
                trainer.rate(5), 0.0);
        assertEquals(1 * 1_000_003L + 5, trainer.dropoutSeed(5));
        Record record = new Record();
        trainer.train(pairs, 1, m -> 0, record);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), asked);
        assertTrue(record.lines.get(0).startsWith("step 1 loss 0.25 "),
                record.lines.get(0));
        assertEquals(0.5, trainer.run(2, null), 0.0);
    }
}
