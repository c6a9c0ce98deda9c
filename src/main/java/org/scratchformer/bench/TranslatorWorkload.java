package org.scratchformer.bench;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.scratchformer.fast.FastPath;
import org.scratchformer.fast.MicroBatches;
import org.scratchformer.translation.Batch;
import org.scratchformer.translation.Batcher;
import org.scratchformer.translation.ModelConfig;
import org.scratchformer.translation.Trainer;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.data.Split;
import org.scratchformer.translation.data.Task;

/**
 * The reference configuration of the issue as a benchmark: the Transformer
 * of chapter 11 at {@link ModelConfig#reference()} (d_model 128, 4 heads,
 * d_ff 512, 2 encoder and 2 decoder layers, dropout 0.1), trained on a
 * fixed cycle of {@value #BATCHES} batches of {@value #BATCH} pairs of the
 * numbers task's first draw ({@value #TASK}, chapter 11: the shapes of
 * number every measurement of chapter 13 and the performance log timed,
 * kept so that they stay comparable), one {@link Trainer#step} per call: dropout, label-smoothed
 * cross-entropy, backward, clipping to norm 1, Adam (0.9, 0.98, 1e-9) at
 * the warm-up schedule's rate.
 *
 * <p>The batches are padded to their own longest sentences, so steps differ
 * in size: {@link #tokens()} and the counted products say by how much.
 */
public final class TranslatorWorkload implements TrainingStep {
    // tag::sizes[]
    public static final String TASK = "numbers-by-digits";
    public static final int BATCH = 64;     // sentence pairs per step
    public static final int BATCHES = 20;   // the cycle of batches
    static final int WARMUP = 400;          // the schedule's, as `train`'s
    public static final int MICRO_BATCHES = MicroBatches.REFERENCE;
    // end::sizes[]

    private final Translator model;
    private final Trainer trainer;
    private final List<Batch> batches;
    private int steps;   // done so far
    private int tokens;  // of the last step

    /**
     * The model and {@value #BATCHES} training batches from one seed,
     * trained as {@code path} trains: each batch in {@code microBatches}
     * ({@link MicroBatches}), or whole by the plain loop if the path is
     * plain.
     */
    public static TranslatorWorkload of(long seed, FastPath path,
            int microBatches) {
        Task task = Task.named(TASK);
        return new TranslatorWorkload(task, seed, Batcher.of(task, BATCH)
                .batches(task.pairs(Split.TRAIN, BATCH * BATCHES, seed)),
                path.plain() ? 1 : microBatches, path.random(seed),
                path.strategy());
    }

    /**
     * The model from {@code seed}, trained on {@code batches} in turn by
     * {@code strategy} (the plain {@link Trainer#step}, or micro-batches).
     */
    TranslatorWorkload(Task task, long seed, List<Batch> batches,
            int microBatches, Random random,
            Function<Trainer, Trainer.Strategy> strategy) {
        this.model = new Translator(ModelConfig.reference(),
                task.sourceVocabulary().size(),
                task.targetVocabulary().size(), random);
        // steps: as many as the caller asks for; never validates
        this.trainer = new Trainer(model, task, new Trainer.Settings(
                Integer.MAX_VALUE, BATCH, WARMUP, 1.0, 1.0, seed, BATCH, 0,
                microBatches), strategy);
        this.batches = List.copyOf(batches);
    }

    // tag::step[]
    @Override
    public double step() {
        Batch batch = batches.get(steps % batches.size());
        steps++;
        tokens = batch.targetTokens();
        return trainer.run(steps, batch);  // optimizer steps count from 1
    }
    // end::step[]

    /** The micro-batches each batch is cut into. */
    public int microBatches() {
        return trainer.settings().microBatches();
    }

    @Override
    public int tokens() {
        return tokens;
    }

    /** The model being trained. */
    public Translator model() {
        return model;
    }
}
