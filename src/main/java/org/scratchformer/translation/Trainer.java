package org.scratchformer.translation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.scratchformer.optim.Adam;
import org.scratchformer.optim.GradientClipping;
import org.scratchformer.optim.WarmupInverseSqrt;
import org.scratchformer.tensor.Tensor;
import org.scratchformer.translation.anomaly.StepCheck;
import org.scratchformer.translation.data.Pair;
import org.scratchformer.translation.data.Task;

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
     * @param microBatches   parts of a batch that chapter 13's strategy
     *                       trains at once on threads of their own; part
     *                       of the run, as the seed is: another count gives
     *                       other bits. 1: each batch whole
     */
    public record Settings(int steps, int batchSize, int warmup,
            double rateFactor, double clip, long seed, int trainingPairs,
            int validateEvery, int microBatches) {
        public Settings {
            if (steps < 1 || batchSize < 1 || warmup < 1 || !(clip > 0)
                    || trainingPairs < batchSize || validateEvery < 0
                    || microBatches < 1 || microBatches > batchSize) {
                throw new IllegalArgumentException("Trainer: steps "
                        + steps + ", batch size " + batchSize
                        + " and warm-up " + warmup + " must be at least 1,"
                        + " the clip norm " + clip + " positive, training"
                        + " pairs " + trainingPairs + " at least one"
                        + " batch, validate-every " + validateEvery
                        + " at least 0, micro-batches " + microBatches
                        + " from 1 to the batch size");
            }
        }

        /** Settings of a run whose batches are trained whole. */
        public Settings(int steps, int batchSize, int warmup,
                double rateFactor, double clip, long seed,
                int trainingPairs, int validateEvery) {
            this(steps, batchSize, warmup, rateFactor, clip, seed,
                    trainingPairs, validateEvery, 1);
        }
    }

    // tag::strategy[]
    /**
     * How one optimizer step is computed: {@link #step} here; chapter 13's
     * strategy trains a batch as micro-batches on both cores.
     */
    @FunctionalInterface
    public interface Strategy {
        /** Optimizer step {@code step} on {@code batch}; the loss before. */
        double step(int step, Batch batch);
    }
    // end::strategy[]

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
    private final Strategy strategy;

    /** A trainer whose steps are {@link #step}, each batch whole. */
    public Trainer(Translator model, Task task, Settings settings) {
        this(model, task, settings, trainer -> trainer::step);
    }

    /** A trainer whose steps are the strategy's, made for this trainer. */
    public Trainer(Translator model, Task task, Settings settings,
            Function<Trainer, Strategy> strategy) {
        this.model = model;
        this.batcher = Batcher.of(task, settings.batchSize());
        this.settings = settings;
        this.adam = new Adam(model.parameters(), 1, 0.9, 0.98, 1e-9, 0);
        this.schedule = new WarmupInverseSqrt(model.config().model(),
                settings.warmup(), settings.rateFactor());
        this.strategy = strategy.apply(this);
    }

    public Translator model() {
        return model;
    }

    public Batcher batcher() {
        return batcher;
    }

    public Settings settings() {
        return settings;
    }

    public Adam optimizer() {
        return adam;
    }

    /** The schedule's learning rate at optimizer step {@code step}. */
    public double rate(int step) {
        return schedule.rate(step);
    }

    /**
     * The seed of step {@code step}'s dropout masks: from the run's seed
     * and the step, so that a resumed run draws the masks it would have.
     */
    public long dropoutSeed(int step) {
        return settings.seed() * 1_000_003L + step;
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
            double loss = strategy.step(step, batch);
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

    /**
     * The pairs that steps 1 to {@code steps} train on, batch after batch,
     * as {@link #train} cuts them from {@code pairs}; nothing is trained.
     */
    public static List<Pair> trainedOn(Task task, Settings settings,
            List<Pair> pairs, int steps) {
        Batcher batcher = Batcher.of(task, settings.batchSize());
        int perEpoch = pairs.size() / settings.batchSize();
        List<Pair> seen = new ArrayList<>();
        for (int e = 0; e * perEpoch < steps; e++) {
            List<Batch> epoch = batcher.shuffled(pairs, settings.seed(), e);
            int taken = Math.min(perEpoch, steps - e * perEpoch);
            for (Batch batch : epoch.subList(0, taken)) {
                seen.addAll(batch.pairs());
            }
        }
        return seen;
    }

    // tag::step[]
    /**
     * Optimizer step number {@code step} (from 1) on one batch, the plain
     * way: returns the loss before the update. A NaN or an infinity in the
     * loss or a gradient stops it before the update ({@link StepCheck}).
     */
    public double step(int step, Batch batch) {
        adam.zeroGrad();
        model.train();
        model.reseedDropout(dropoutSeed(step));
        Tensor loss = model.loss(batch);  // forward and loss
        loss.backward();                  // backward: dL/dW of every W
        StepCheck.requireFinite(loss, adam.parameters());  // no NaN steps
        GradientClipping.clipByGlobalNorm(adam.parameters(), settings.clip());
        adam.setLearningRate(schedule.rate(step));
        adam.step();
        return loss.item();
    }
    // end::step[]

    /** {@link #step}, or the strategy's version of it. */
    public double run(int step, Batch batch) {
        return strategy.step(step, batch);
    }
}
