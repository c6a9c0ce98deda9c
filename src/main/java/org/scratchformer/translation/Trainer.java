package org.scratchformer.translation;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.scratchformer.optim.Adam;
import org.scratchformer.optim.GradientClipping;
import org.scratchformer.optim.WarmupInverseSqrt;

/**
 * The training loop of the paper: Adam (β₂ = 0.98, ε = 1e-9) with the
 * warm-up schedule, label-smoothed cross-entropy, gradient clipping, and
 * validation at intervals.
 */
public final class Trainer {
    /**
     * How to train.
     *
     * @param steps          optimizer steps in all
     * @param batchSize      sentence pairs per step
     * @param warmup         the schedule's warm-up steps
     * @param rateFactor     the schedule's factor
     * @param clip           the largest global gradient norm
     * @param seed           data order and dropout
     * @param trainingPairs  how many distinct training pairs to draw
     * @param validateEvery  steps between validations (0: never)
     * @param shards         parts of a batch run on threads of their own
     *                       ({@link DataParallel}); part of the run, as the
     *                       seed is: another count gives other bits
     */
    public record Settings(int steps, int batchSize, int warmup,
            double rateFactor, double clip, long seed, int trainingPairs,
            int validateEvery, int shards) {
        public Settings {
            if (steps < 1 || batchSize < 1 || warmup < 1 || !(clip > 0)
                    || trainingPairs < batchSize || validateEvery < 0
                    || shards < 1 || shards > batchSize) {
                throw new IllegalArgumentException("Trainer: steps, batch"
                        + " size and warm-up must be at least 1, the clip"
                        + " norm positive, training pairs at least one"
                        + " batch, shards from 1 to the batch size; got "
                        + this);
            }
        }

        /** Settings of a run whose batches are not cut into shards. */
        public Settings(int steps, int batchSize, int warmup,
                double rateFactor, double clip, long seed,
                int trainingPairs, int validateEvery) {
            this(steps, batchSize, warmup, rateFactor, clip, seed,
                    trainingPairs, validateEvery, 1);
        }
    }

    /** What the loop reports as it goes, in this order for each step. */
    public interface Listener {
        void step(int step, double loss, double rate, int tokens);

        void validated(int step, double score);

        /** The step is over, validation included: a time to save. */
        default void stepDone(int step) {
        }
    }

    private final Translator model;
    private final Batcher batcher;
    private final DataParallel shards;
    private final Settings settings;
    private final Adam adam;
    private final WarmupInverseSqrt schedule;

    public Trainer(Translator model, Task task, Settings settings) {
        this.model = model;
        this.batcher = Batcher.of(task, settings.batchSize());
        this.shards = new DataParallel(model, batcher, settings.shards());
        this.settings = settings;
        this.adam = new Adam(model.parameters(), 1, 0.9, 0.98, 1e-9, 0);
        this.schedule = new WarmupInverseSqrt(model.config().model(),
                settings.warmup(), settings.rateFactor());
    }

    /** The shards each batch is cut into: {@link Settings#shards()}. */
    public int shards() {
        return shards.shards();
    }

    public Adam optimizer() {
        return adam;
    }

    // tag::loop[]
    /** Trains from step {@code first} (1 for a new run) to the end. */
    public void train(List<Pair> pairs, int first,
            ToDoubleFunction<Translator> validate, Listener listener) {
        int perEpoch = pairs.size() / settings.batchSize();
        List<Batch> epoch = null;
        for (int step = first; step <= settings.steps(); step++) {
            int e = (step - 1) / perEpoch;
            if (epoch == null || (step - 1) % perEpoch == 0) {
                epoch = batcher.shuffled(pairs, settings.seed(), e);
            }
            Batch batch = epoch.get((step - 1) % perEpoch);
            double loss = step(step, batch);
            listener.step(step, loss, adam.learningRate(),
                    batch.targetTokens());
            if (settings.validateEvery() > 0
                    && (step % settings.validateEvery() == 0
                            || step == settings.steps())) {
                model.eval();
                listener.validated(step, validate.applyAsDouble(model));
            }
            listener.stepDone(step);
        }
        model.eval();
    }
    // end::loop[]

    // tag::step[]
    /**
     * Optimizer step number {@code step} (from 1) on one batch: forward
     * and backward in training mode (in shards, chapter 13), clipping, the
     * schedule's rate, Adam. Returns the loss before the update.
     */
    public double step(int step, Batch batch) {
        adam.zeroGrad();
        double loss = shards.lossAndGradients(batch,
                settings.seed() * 1_000_003L + step);  // dropout's seed
        GradientClipping.clipByGlobalNorm(adam.parameters(), settings.clip());
        adam.setLearningRate(schedule.rate(step));
        adam.step();
        return loss;
    }
    // end::step[]
}
