package org.scratchformer.multihead;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.Tensor;

/**
 * The attention weights a forward pass used, read from its graph, for
 * the tests that hold {@link MultiHeadAttention#weights} and the maps
 * built on it to them. For a composed module they are the output of its
 * {@code head_softmax}; for a fused one, softmax(Q·Kᵀ/√D + M) worked out
 * here, loop by loop, from the Q, K and M its {@code fused_attention} op
 * received. A module's attention is told apart by its queries: Q is the
 * output of the module's own query projection.
 */
public final class UsedWeights {
    private UsedWeights() {
    }

    /**
     * Each head's (B·T, S) weights that {@code attention} used in the
     * graph ending at {@code output}, where it attends exactly once.
     */
    public static List<DMatrixRMaj> in(Tensor output,
            MultiHeadAttention attention) {
        Tensor found = null;
        for (Tensor node : nodes(output)) {
            String op = node.op() == null ? "" : node.op().name();
            if ((op.equals("fused_attention") || op.equals("head_softmax"))
                    && projectedBy(queries(node), attention)) {
                if (found != null) {
                    throw new AssertionError(attention + " attends twice in"
                            + " this graph");
                }
                found = node;
            }
        }
        if (found == null) {
            throw new AssertionError("no attention of " + attention
                    + " in this graph");
        }
        return found.op().name().equals("head_softmax")
                ? blocks(found.value(), attention.heads())
                : softmax(found.inputs(), attention.heads());
    }

    /** Q: the fused op's first input, or the scores' left factor. */
    private static Tensor queries(Tensor node) {
        if (node.op().name().equals("fused_attention")) {
            return node.inputs().get(0);
        }
        Tensor scores = node.inputs().get(0);  // add_mask, scale, or Q·Kᵀ
        while (!scores.op().name().equals("batched_matmul_nt")) {
            scores = scores.inputs().get(0);
        }
        return scores.inputs().get(0);
    }

    private static boolean projectedBy(Tensor q, MultiHeadAttention m) {
        return q.op() != null && q.op().name().equals("linear")
                && q.inputs().get(1) == m.query().weight().tensor();
    }

    /** Head h's (B·T, S) block of the (B·T, H·S) weights. */
    private static List<DMatrixRMaj> blocks(DMatrixRMaj all, int heads) {
        int s = all.numCols / heads;
        List<DMatrixRMaj> out = new ArrayList<>();
        for (int h = 0; h < heads; h++) {
            DMatrixRMaj w = new DMatrixRMaj(all.numRows, s);
            for (int r = 0; r < all.numRows; r++) {
                for (int j = 0; j < s; j++) {
                    w.set(r, j, all.get(r, h * s + j));
                }
            }
            out.add(w);
        }
        return out;
    }

    /** softmax(Q[b]ₕ·K[b]ₕᵀ/√D + M[b]) from Q, K, V, M, every b and h. */
    private static List<DMatrixRMaj> softmax(List<Tensor> inputs,
            int heads) {
        DMatrixRMaj q = inputs.get(0).value();  // (B·T, H·D)
        DMatrixRMaj k = inputs.get(1).value();  // (B·S, H·D)
        DMatrixRMaj m = inputs.get(3).value();  // (B·T, S)
        int s = m.numCols;
        int t = m.numRows / (k.numRows / s);
        int d = q.numCols / heads;
        List<DMatrixRMaj> out = new ArrayList<>();
        for (int h = 0; h < heads; h++) {
            DMatrixRMaj w = new DMatrixRMaj(m.numRows, s);
            for (int r = 0; r < m.numRows; r++) {
                int b = r / t;
                double[] z = new double[s];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < s; j++) {
                    double dot = 0;
                    for (int c = h * d; c < (h + 1) * d; c++) {
                        dot += q.get(r, c) * k.get(b * s + j, c);
                    }
                    z[j] = dot / Math.sqrt(d) + m.get(r, j);
                    max = Math.max(max, z[j]);
                }
                double total = 0;
                for (int j = 0; j < s; j++) {
                    total += Math.exp(z[j] - max);
                }
                for (int j = 0; j < s; j++) {
                    w.set(r, j, Math.exp(z[j] - max) / total);
                }
            }
            out.add(w);
        }
        return out;
    }

    /** Every node of the graph that ends at {@code output}. */
    private static List<Tensor> nodes(Tensor output) {
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Tensor> todo = new ArrayDeque<>(List.of(output));
        List<Tensor> all = new ArrayList<>();
        while (!todo.isEmpty()) {
            Tensor node = todo.pop();
            if (seen.add(node)) {
                all.add(node);
                todo.addAll(node.inputs());
            }
        }
        return all;
    }
}
