package org.scratchformer.translation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.nn.Parameter;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.KernelCache;
import org.scratchformer.tensor.Products;
import org.scratchformer.tensor.Tensor;

/**
 * A batch's loss and gradients computed in shards, each on a thread of its
 * own: chapter 13's data parallelism.
 *
 * <p>The batch's pairs, sorted longest first, are cut into {@code shards}
 * runs of consecutive pairs where the padding is least (fewer runs, of one
 * pair each, when the batch has fewer pairs than that), each padded to its
 * own longest sentences. Shard 0 runs on the model itself, shard k on
 * replica k (the same parameter matrices, gradients of its own, see
 * {@link Translator#replica()}). Shard k's loss is its mean over its N_k
 * target tokens times N_k / N, so that the shards' losses add up to the
 * batch's mean over all N tokens, and so do their gradients:
 *
 * <pre>
 * L = Σ_k (N_k / N) · L_k        ∂L/∂W = Σ_k ∂((N_k / N) · L_k)/∂W
 * </pre>
 *
 * <p>After every shard is done, the model's gradients receive the
 * replicas' in shard order. Each number is therefore computed in an order
 * fixed by the number of shards, not of threads: the same bits on one
 * thread or two. A different number of shards gives other bits (sums in
 * another order, other dropout masks), so it is a setting of the run.
 *
 * <p>While the shards run, the parameters' matrices are held still in a
 * {@link KernelCache}: the kernel packs each weight once per call of
 * {@link #lossAndGradients}, not once per shard and product.
 */
public final class DataParallel {
    /** The shards of a batch unless a run says otherwise (chapter 13). */
    public static final int DEFAULT_SHARDS = 4;
    /**
     * The reference Transformer's (the {@code full} preset, {@code bench}):
     * its products are large enough that eight shards' smaller padding
     * outweighs their fixed costs (chapter 13).
     */
    public static final int REFERENCE_SHARDS = 8;

    private final Batcher batcher;
    private final List<Translator> models = new ArrayList<>();
    private final List<List<Parameter>> parameters = new ArrayList<>();
    /** The parameters' matrices, which the replicas share. */
    private final List<DMatrixRMaj> weights = new ArrayList<>();
    /** The weights' packed panels, made once per step (chapter 13). */
    private final KernelCache panels = new KernelCache();

    /** Shards of {@code model}'s batches, built by {@code batcher}. */
    public DataParallel(Translator model, Batcher batcher, int shards) {
        if (shards < 1) {
            throw new IllegalArgumentException("DataParallel: the number of"
                    + " shards must be at least 1, got " + shards);
        }
        this.batcher = batcher;
        models.add(model);
        for (int k = 1; k < shards; k++) {
            models.add(model.replica());
        }
        for (Translator m : models) {  // in the same order in every model
            parameters.add(List.copyOf(m.parameters().values()));
        }
        for (Parameter p : parameters.get(0)) {
            weights.add(p.value());
        }
    }

    public int shards() {
        return models.size();
    }

    // tag::gradients[]
    /**
     * Forward and backward over {@code batch} in training mode, dropout
     * drawn from {@code seed}: the model's gradients receive dL/dW (add
     * to zeros for a fresh step). Returns the loss L, the batch's mean.
     */
    public double lossAndGradients(Batch batch, long seed) {
        Translator model = models.get(0);
        if (models.size() == 1) {  // the whole batch on this thread
            model.train();
            model.reseedDropout(seed);
            Tensor loss = model.loss(batch);
            loss.backward();
            return loss.item();
        }
        List<Batch> parts = split(batch);
        double[] losses = new double[parts.size()];
        int[] biggestFirst = biggestFirst(parts);  // the order threads take
        panels.hold(weights);  // no shard changes them: packed once
        try {
            Products.each(parts.size(), task -> {  // on a free thread
                int k = biggestFirst[task];
                panels.during(() -> losses[k] = shard(k, parts, batch,
                        seed));
            });
        } finally {
            panels.release();
        }
        addGradients(parts.size());
        double total = 0;
        for (double shardLoss : losses) {
            total += shardLoss;
        }
        return total;
    }

    /** Shard k's share of the loss; its gradients in replica k's. */
    private double shard(int k, List<Batch> parts, Batch batch, long seed) {
        Translator replica = models.get(k);
        replica.train();
        replica.reseedDropout(k == 0 ? seed : shardSeed(seed, k));
        if (k != 0) {  // the model's were zeroed by the caller
            for (Parameter p : parameters.get(k)) {
                p.zeroGrad();
            }
        }
        Batch part = parts.get(k);
        Tensor loss = Ops.scale(replica.loss(part),
                (double) part.targetTokens() / batch.targetTokens());
        loss.backward();
        return loss.item();
    }
    // end::gradients[]

    // tag::split[]
    /**
     * The batch's pairs, longest first, cut into at most {@link #shards()}
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
     * The shards' numbers, most padded rows first (ties in shard order):
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

    /** Shard k's dropout seed: another stream for each shard and step. */
    static long shardSeed(long seed, int k) {
        long z = seed + k * 0x9E3779B97F4A7C15L;  // SplitMix64's mixing
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The model's gradients += those of replicas 1 .. used − 1, each
     * element summed in shard order; the parameters shared over the
     * threads, which changes no bits.
     */
    private void addGradients(int used) {
        List<Parameter> own = parameters.get(0);
        Products.each(own.size(), p -> {
            double[] sum = own.get(p).grad().data;
            for (int k = 1; k < used; k++) {
                double[] g = parameters.get(k).get(p).grad().data;
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += g[i];
                }
            }
        });
    }
}
