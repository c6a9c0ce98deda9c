package org.scratchformer.fast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.nn.LinearOp;
import org.scratchformer.nn.Parameter;
import org.scratchformer.ops.Ops;
import org.scratchformer.optim.Adam;
import org.scratchformer.optim.GradientClipping;
import org.scratchformer.tensor.Tensor;
import org.scratchformer.translation.Batch;
import org.scratchformer.translation.Batcher;
import org.scratchformer.translation.Trainer;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.anomaly.StepCheck;
import org.scratchformer.translation.data.Pair;

/**
 * Chapter 13's training strategy: each batch as micro-batches, each on a
 * thread of its own, with Adam's updates and clipping's sums shared out
 * over the threads too.
 *
 * <p>The batch's pairs, sorted longest first, are cut into
 * {@code microBatches} runs of consecutive pairs where the padding is
 * least (fewer runs, of one pair each, when the batch has fewer pairs than
 * that), each padded to its own longest sentences. Micro-batch 0 runs on
 * the model itself, micro-batch k on replica k (the same parameter
 * matrices, gradients of its own, see {@link #replica}). Micro-batch k's
 * loss is its mean over its N_k target tokens times N_k / N, so that the
 * micro-batches' losses add up to the batch's mean over all N tokens, and
 * so do their gradients:
 *
 * <pre>
 * L = Σ_k (N_k / N) · L_k        ∂L/∂W = Σ_k ∂((N_k / N) · L_k)/∂W
 * </pre>
 *
 * <p>After every micro-batch is done, the model's gradients receive the
 * replicas' in micro-batch order. Each number is therefore computed in an
 * order fixed by the number of micro-batches, not of threads: the same
 * bits on one thread or two. A different number of micro-batches gives
 * other bits (sums in another order, other dropout masks), so it is a
 * setting of the run. With one micro-batch the step is {@link Trainer#step}
 * to the last bit.
 *
 * <p>Each micro-batch checks its loss and gradients for NaN and infinities
 * on its own thread ({@link StepCheck}), so the step stops before the
 * update as the plain one does; in anomaly mode each walks its own graph.
 *
 * <p>While the micro-batches run, the parameters' matrices are held still
 * in a {@link KernelCache}: the vector kernel packs each weight once per
 * step, not once per micro-batch and product.
 */
public final class MicroBatches implements Trainer.Strategy {
    /** The micro-batches of the demo's batches unless a run says otherwise. */
    public static final int DEFAULT = 4;
    /**
     * The reference Transformer's (the {@code full} preset, {@code bench}):
     * its products are large enough that eight micro-batches' smaller
     * padding outweighs their fixed costs.
     */
    public static final int REFERENCE = 8;

    private final Trainer trainer;
    private final Workers workers;
    private final Batcher batcher;
    private final List<Translator> models = new ArrayList<>();
    private final List<List<Parameter>> parameters = new ArrayList<>();
    /** The parameters' matrices, which the replicas share. */
    private final List<DMatrixRMaj> weights = new ArrayList<>();
    /** The weights' packed panels, made once per step. */
    private final KernelCache panels = new KernelCache();

    /**
     * The strategy for {@code trainer}'s model, batches and settings, its
     * micro-batches and the parameters' updates run on {@code workers}.
     */
    public MicroBatches(Trainer trainer, Workers workers) {
        this(trainer, trainer.model(), trainer.batcher(),
                trainer.settings().microBatches(), workers);
    }

    /**
     * {@code count} micro-batches of {@code model}'s batches, built by
     * {@code batcher}; without a trainer, only {@link #lossAndGradients}
     * may be called.
     */
    MicroBatches(Trainer trainer, Translator model, Batcher batcher,
            int count, Workers workers) {
        if (count < 1) {
            throw new IllegalArgumentException("MicroBatches: the number of"
                    + " micro-batches must be at least 1, got " + count);
        }
        this.trainer = trainer;
        this.workers = workers;
        this.batcher = batcher;
        models.add(model);
        for (int k = 1; k < count; k++) {
            models.add(replica(model));
        }
        for (Translator m : models) {  // in the same order in every model
            parameters.add(List.copyOf(m.parameters().values()));
        }
        for (Parameter p : parameters.get(0)) {
            weights.add(p.value());
        }
    }

    /** The number of micro-batches a batch is cut into. */
    public int microBatches() {
        return models.size();
    }

    // tag::step[]
    @Override
    public double step(int step, Batch batch) {
        Adam adam = trainer.optimizer();
        clearGradients(0);  // zeroGrad's zeros, never written
        double loss = lossAndGradients(batch, trainer.dropoutSeed(step));
        GradientClipping.clipByGlobalNorm(adam.parameters(),
                trainer.settings().clip(), workers::each);
        adam.setLearningRate(trainer.rate(step));
        adam.step(workers::each);
        return loss;
    }
    // end::step[]

    // tag::gradients[]
    /**
     * Forward and backward over {@code batch} in training mode, dropout
     * drawn from {@code seed}: the model's gradients receive dL/dW (add
     * to zeros for a fresh step). Returns the loss L, the batch's mean.
     */
    double lossAndGradients(Batch batch, long seed) {
        Translator model = models.get(0);
        if (models.size() == 1) {  // the whole batch, as Trainer.step does
            model.train();
            model.reseedDropout(seed);
            Tensor loss = model.loss(batch);
            loss.backward();
            StepCheck.requireFinite(loss, model.parameters());
            return loss.item();
        }
        List<Batch> parts = split(batch);
        double[] losses = new double[parts.size()];
        int[] biggestFirst = biggestFirst(parts);  // the order threads take
        panels.hold(weights);  // no micro-batch changes them: packed once
        try {
            workers.each(parts.size(), task -> {  // on a free thread
                int k = biggestFirst[task];
                panels.during(() -> losses[k] = microBatch(k, parts, batch,
                        seed));
            });
        } finally {
            panels.release();
        }
        addGradients(parts.size());
        double total = 0;
        for (double part : losses) {
            total += part;
        }
        return total;
    }

    /** Micro-batch k's share of the loss; its gradients in replica k's. */
    private double microBatch(int k, List<Batch> parts, Batch batch,
            long seed) {
        Translator replica = models.get(k);
        replica.train();
        replica.reseedDropout(k == 0 ? seed : microBatchSeed(seed, k));
        if (k != 0) {  // the model's were cleared by the caller
            clearGradients(k);  // the first dW received is kept
        }
        Batch part = parts.get(k);
        Tensor loss = Ops.scale(replica.loss(part),
                (double) part.targetTokens() / batch.targetTokens());
        loss.backward();
        StepCheck.requireFinite(loss, replica.parameters());  // on its thread
        return loss.item();
    }
    // end::gradients[]

    /**
     * Forgets model k's gradients (0: the model, else replica k): the next
     * step's first dW of each parameter is kept as it is. Each matrix goes
     * back to the installed {@link RecycledGradients}, if it made it, to be
     * written over by a later dW: nothing reads it after this step.
     */
    private void clearGradients(int k) {
        RecycledGradients recycled = LinearOp.weightGradient()
                instanceof RecycledGradients r ? r : null;
        for (Parameter p : parameters.get(k)) {
            if (recycled != null && p.tensor().hasGrad()) {
                recycled.giveBack(p.tensor().grad());
            }
            p.tensor().clearGrad();
        }
    }

    // tag::split[]
    /**
     * The batch's pairs, longest first, cut into at most
     * {@link #microBatches()}
     * runs where the padding is least ({@link #cuts}), each padded to its
     * own longest sentences.
     */
    List<Batch> split(Batch batch) {
        int[] source = batch.sourceLengths();
        int[] target = batch.targetLengths();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            order.add(i);
        }
        // List.sort is stable: pairs of one length keep the batch's order
        order.sort(Comparator.comparingInt(i -> -(source[i] + target[i])));
        int[] s = new int[order.size()];
        int[] t = new int[order.size()];
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            s[i] = source[order.get(i)];
            t[i] = target[order.get(i)];
            pairs.add(batch.pairs().get(order.get(i)));
        }
        int[] at = cuts(s, t, Math.min(models.size(), s.length));
        List<Batch> parts = new ArrayList<>();
        for (int k = 0; k + 1 < at.length; k++) {
            parts.add(batcher.batch(pairs.subList(at[k], at[k + 1])));
        }
        return parts;
    }

    /**
     * Where to cut pairs 0..b−1 (source and target lengths s, t) into n
     * runs of consecutive pairs so that the rows the runs send through the
     * model, Σ pairs · (longest source + longest target), are fewest: the
     * n + 1 boundaries, 0 first and b last. Dynamic programming: best[g][j]
     * is the fewest rows for the first j pairs in g runs, and the last run
     * of the best starts at the first i that gives it.
     */
    static int[] cuts(int[] s, int[] t, int n) {
        int b = s.length;
        long[][] best = new long[n + 1][b + 1];
        int[][] from = new int[n + 1][b + 1];
        for (long[] row : best) {
            Arrays.fill(row, Long.MAX_VALUE);
        }
        best[0][0] = 0;
        for (int g = 1; g <= n; g++) {
            for (int j = g; j <= b; j++) {
                int longestS = 0;
                int longestT = 0;
                // the last run i..j−1, i from j−1 down: ≤ keeps the first i
                for (int i = j - 1; i >= g - 1; i--) {
                    longestS = Math.max(longestS, s[i]);
                    longestT = Math.max(longestT, t[i]);
                    long cost = (long) (j - i) * (longestS + longestT);
                    if (best[g - 1][i] != Long.MAX_VALUE
                            && best[g - 1][i] + cost <= best[g][j]) {
                        best[g][j] = best[g - 1][i] + cost;
                        from[g][j] = i;
                    }
                }
            }
        }
        int[] at = new int[n + 1];
        at[n] = b;
        for (int g = n; g > 0; g--) {
            at[g - 1] = from[g][at[g]];
        }
        return at;
    }
    // end::split[]

    /**
     * The micro-batches' numbers, most padded rows first (ties in order):
     * the two threads start with the biggest, and the small ones fill in
     * at the end.
     */
    static int[] biggestFirst(List<Batch> parts) {
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            order.add(k);
        }
        order.sort(Comparator.comparingInt(k -> -rows(parts.get(k))));
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The rows a batch sends through the model: B·S + B·T. */
    static int rows(Batch batch) {
        return batch.size() * (batch.sourceLength() + batch.targetLength());
    }

    /** Micro-batch k's dropout seed: a stream for each one and step. */
    static long microBatchSeed(long seed, int k) {
        long z = seed + k * 0x9E3779B97F4A7C15L;  // SplitMix64's mixing
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The model's gradients += those of replicas 1 .. used − 1, each
     * element summed in micro-batch order; the parameters shared over the
     * threads, which changes no bits.
     */
    private void addGradients(int used) {
        List<Parameter> own = parameters.get(0);
        workers.each(own.size(), p -> {
            double[] sum = own.get(p).grad().data;
            for (int k = 1; k < used; k++) {
                double[] g = parameters.get(k).get(p).grad().data;
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += g[i];
                }
            }
        });
    }

    // tag::replica[]
    /**
     * A model of the same shape whose parameters are this model's own
     * matrices, as leaves of its own: what one model reads, the other
     * reads, and every update of this one (an optimizer's, a load) is the
     * replica's too, but each collects its own gradients. A replica has its
     * own dropout numbers and training mode, so two threads can each run a
     * forward and backward pass, one on this model and one on a replica.
     */
    static Translator replica(Translator model) {
        Map<String, Parameter> mine = model.parameters();
        Translator copy = new Translator(model.config(),
                mine.get("source_embedding.weight").rows(),
                mine.get("target_embedding.weight").rows(),
                new BufferedRandom(0));
        copy.parameters().forEach((name, p) -> p.substitute(
                Tensor.variable(mine.get(name).value())));  // never undone
        return copy;
    }
    // end::replica[]
}
