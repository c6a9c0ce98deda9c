package org.scratchformer.translation;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.scratchformer.optim.Adam;
import org.scratchformer.optim.GradientClipping;
import org.scratchformer.optim.WarmupInverseSqrt;
import org.scratchformer.tensor.Tensor;

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
     */
    public record Settings(int steps, int batchSize, int warmup,
            double rateFactor, double clip, long seed, int trainingPairs,
            int validateEvery) {
        public Settings {
            if (steps < 1 || batchSize < 1 || warmup < 1 || !(clip > 0)
                    || trainingPairs < batchSize || validateEvery < 0) {
                throw new IllegalArgumentException("Trainer: steps, batch"
                        + " size and warm-up must be at least 1, the clip"
                        + " norm positive, training pairs at least one"
                        + " batch; got " + this);
            }
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
    private final Settings settings;
    private final Adam adam;
    private final WarmupInverseSqrt schedule;

    public Trainer(Translator model, Task task, Settings settings) {
        this.model = model;
        this.batcher = Batcher.of(task, settings.batchSize());
        this.settings = settings;
        this.adam = new Adam(model.parameters(), 1, 0.9, 0.98, 1e-9, 0);
        this.schedule = new WarmupInverseSqrt(model.config().model(),
                settings.warmup(), settings.rateFactor());
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
     * Optimizer step number {@code step} (from 1) on one batch: the model
     * in training mode, forward, backward, clipping, the schedule's rate,
     * Adam. Returns the loss before the update.
     */
    public double step(int step, Batch batch) {
        model.train();
        model.reseedDropout(settings.seed() * 1_000_003L + step);
        adam.zeroGrad();
        Tensor loss = model.loss(batch);
        loss.backward();
        GradientClipping.clipByGlobalNorm(adam.parameters(), settings.clip());
        adam.setLearningRate(schedule.rate(step));
        adam.step();
        return loss.item();
    }
    // end::step[]
}
