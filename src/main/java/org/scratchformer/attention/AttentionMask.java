package org.scratchformer.attention;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.Tensor;

/**
 * Which keys each query of a batch may see: for B sequences of T queries
 * and S keys, a (B·T, S) matrix of 0 (keep) and −∞ (masked), laid out like
 * the scores it is added to. Nobody writes it by hand: {@link #padding}
 * builds it from lengths, {@link #causal} from the triangle, {@link #and}
 * combines two.
 *
 * <p>Every query must keep at least one key. A row with every key masked
 * has no softmax (0/0); rather than return NaN, or zeros that would hide
 * an empty sequence until much later, building such a mask throws an
 * error naming the sequence and the query row.
 */
public final class AttentionMask {
    private final int batch;
    private final int queries;  // T
    private final int keys;     // S
    private final boolean[][] keep;  // (B·T, S)

    private AttentionMask(int batch, int queries, int keys,
            boolean[][] keep) {
        this.batch = batch;
        this.queries = queries;
        this.keys = keys;
        this.keep = keep;
        requireAKeyPerQuery();
    }

    // tag::builders[]
    /** Every query sees every key: B sequences, T queries, S keys. */
    public static AttentionMask none(int batch, int queries, int keys) {
        requirePositive(batch, queries, keys);
        boolean[][] keep = new boolean[batch * queries][keys];
        for (boolean[] row : keep) {
            Arrays.fill(row, true);
        }
        return new AttentionMask(batch, queries, keys, keep);
    }

    /**
     * Key padding: sequence b has {@code keyLengths[b]} real keys, the
     * rest of its S keys are padding, masked for all its T queries.
     */
    public static AttentionMask padding(int[] keyLengths, int queries,
            int keys) {
        requirePositive(keyLengths.length, queries, keys);
        boolean[][] keep = new boolean[keyLengths.length * queries][keys];
        for (int b = 0; b < keyLengths.length; b++) {
            int length = keyLengths[b];
            if (length < 1 || length > keys) {
                throw new IllegalArgumentException("padding mask: sequence "
                        + b + " has length " + length + "; allowed are 1 to "
                        + keys + " (the padded length)");
            }
            for (int t = 0; t < queries; t++) {
                Arrays.fill(keep[b * queries + t], 0, length, true);
            }
        }
        return new AttentionMask(keyLengths.length, queries, keys, keep);
    }

    /** Causal: query t sees keys 0..t of its own sequence (S = T). */
    public static AttentionMask causal(int batch, int length) {
        requirePositive(batch, length, length);
        boolean[][] keep = new boolean[batch * length][length];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length; t++) {
                Arrays.fill(keep[b * length + t], 0, t + 1, true);
            }
        }
        return new AttentionMask(batch, length, length, keep);
    }

    /** Which keys a query may see: query t of sequence b, key s. */
    @FunctionalInterface
    public interface Rule {
        boolean keeps(int b, int t, int s);
    }

    /** Any other pattern (a window, a prefix): the rule says what stays. */
    public static AttentionMask where(int batch, int queries, int keys,
            Rule rule) {
        requirePositive(batch, queries, keys);
        boolean[][] keep = new boolean[batch * queries][keys];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < queries; t++) {
                for (int s = 0; s < keys; s++) {
                    keep[b * queries + t][s] = rule.keeps(b, t, s);
                }
            }
        }
        return new AttentionMask(batch, queries, keys, keep);
    }

    /** A key is kept only where both masks keep it. */
    public AttentionMask and(AttentionMask other) {
        if (other.batch != batch || other.queries != queries
                || other.keys != keys) {
            throw new IllegalArgumentException("mask.and: " + describe()
                    + " and " + other.describe() + " differ in batch,"
                    + " queries or keys");
        }
        boolean[][] both = new boolean[keep.length][keys];
        for (int r = 0; r < keep.length; r++) {
            for (int s = 0; s < keys; s++) {
                both[r][s] = keep[r][s] && other.keep[r][s];
            }
        }
        return new AttentionMask(batch, queries, keys, both);
    }
    // end::builders[]

    // tag::tensor[]
    /** The (B·T, S) constant of 0 (keep) and −∞ (masked) for add_mask. */
    public Tensor tensor() {
        DMatrixRMaj m = new DMatrixRMaj(batch * queries, keys);  // (B·T, S)
        for (int r = 0; r < keep.length; r++) {
            for (int s = 0; s < keys; s++) {
                m.set(r, s, keep[r][s] ? 0 : Double.NEGATIVE_INFINITY);
            }
        }
        return Tensor.constant(m);
    }
    // end::tensor[]

    // tag::ch09-for-heads[]
    /**
     * The mask for H heads' scores (B·T, H·S): the (B·T, S) mask repeated
     * in every head's block of columns, since all heads of a sequence see
     * the same keys.
     */
    public Tensor tensorForHeads(int heads) {
        DMatrixRMaj m = new DMatrixRMaj(batch * queries, heads * keys);
        for (int r = 0; r < keep.length; r++) {
            for (int h = 0; h < heads; h++) {
                for (int s = 0; s < keys; s++) {
                    m.set(r, h * keys + s,
                            keep[r][s] ? 0 : Double.NEGATIVE_INFINITY);
                }
            }
        }
        return Tensor.constant(m);
    }
    // end::ch09-for-heads[]

    /** Whether query t of sequence b may see key s. */
    public boolean keeps(int b, int t, int s) {
        return keep[b * queries + t][s];
    }

    /** Whether every query sees every key (adding the mask changes nothing). */
    public boolean keepsAll() {
        for (boolean[] row : keep) {
            for (boolean k : row) {
                if (!k) {
                    return false;
                }
            }
        }
        return true;
    }

    public int batch() {
        return batch;
    }

    /** T, the queries per sequence. */
    public int queries() {
        return queries;
    }

    /** S, the keys per sequence. */
    public int keys() {
        return keys;
    }

    private static void requirePositive(int batch, int queries, int keys) {
        if (batch < 1 || queries < 1 || keys < 1) {
            throw new IllegalArgumentException("attention mask: batch "
                    + batch + ", queries " + queries + " and keys " + keys
                    + " must all be at least 1");
        }
    }

    private void requireAKeyPerQuery() {
        for (int r = 0; r < keep.length; r++) {
            boolean any = false;
            for (boolean k : keep[r]) {
                any |= k;
            }
            if (!any) {
                throw new IllegalArgumentException("attention mask: query "
                        + r % queries + " of sequence " + r / queries
                        + " has every key masked; each query needs at least"
                        + " one key to attend to");
            }
        }
    }

    private String describe() {
        return "mask(batch " + batch + ", queries " + queries + ", keys "
                + keys + ")";
    }

    /** One line per query row: {@code x} keeps a key, {@code .} masks it. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < keep.length; r++) {
            text.append("b").append(r / queries).append(" t")
                    .append(r % queries).append("  ");
            for (boolean k : keep[r]) {
                text.append(k ? 'x' : '.');
            }
            text.append('\n');
        }
        return text.toString();
    }
}
