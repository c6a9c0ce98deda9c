package org.scratchformer.exercises.ch08;

import org.ejml.data.DMatrixRMaj;

/**
 * Exercise 8.3: an attention mask built from sequence lengths.
 *
 * <pre>
 * B sequences, T queries and S keys each → M (B·T, S)
 * M[b·T + t, s] = 0   if query t of sequence b may see key s
 *               = −∞  if it may not
 * </pre>
 *
 * <p>Sequence b has {@code keyLengths[b]} real keys; keys s ≥ that length
 * are padding, masked for all T queries of the sequence. With
 * {@code causal}, query t also may not see the keys after it (s > t).
 *
 * <p>Throw IllegalArgumentException:
 * <ul>
 * <li>if {@code causal} and T ≠ S (the triangle needs one position per
 *     query and key);
 * <li>if a length is below 0 or above S;
 * <li>if a query has every key masked (its softmax would be 0/0). The
 *     message must name the sequence and the query as
 *     {@code "sequence 1, query 0"}.
 * </ul>
 */
final class LengthMask {
    private LengthMask() {
    }

    /** M (B·T, S) of 0 and −∞, B = keyLengths.length, T = queries, S = keys. */
    static DMatrixRMaj mask(int[] keyLengths, int queries, int keys,
            boolean causal) {
        throw new UnsupportedOperationException("0 where s < length[b] (and"
                + " s ≤ t if causal), else −∞; then check every row");
    }
}
