package org.scratchformer.exercises.ch08;

import org.ejml.data.DMatrixRMaj;

/**
 * Exercise 8.3: an attention mask built from sequence lengths (a solution).
 *
 * <pre>
 * M[b·T + t, s] = 0 if s &lt; length[b] (and s ≤ t when causal), else −∞
 * </pre>
 *
 * <p>A query keeps min(length[b], t + 1) keys with the causal triangle, so
 * the only way to mask a whole row is a length of 0; the check is still
 * made row by row, where it holds for any rule.
 */
final class LengthMask {
    private LengthMask() {
    }

    /** M (B·T, S) of 0 and −∞, B = keyLengths.length, T = queries, S = keys. */
    static DMatrixRMaj mask(int[] keyLengths, int queries, int keys,
            boolean causal) {
        if (causal && queries != keys) {
            throw new IllegalArgumentException("a causal mask needs as many"
                    + " queries as keys, got " + queries + " and " + keys);
        }
        DMatrixRMaj m = new DMatrixRMaj(keyLengths.length * queries, keys);
        for (int b = 0; b < keyLengths.length; b++) {
            int length = keyLengths[b];
            if (length < 0 || length > keys) {
                throw new IllegalArgumentException("sequence " + b
                        + " has length " + length + "; allowed are 0 to "
                        + keys);
            }
            for (int t = 0; t < queries; t++) {
                int kept = 0;
                for (int s = 0; s < keys; s++) {
                    boolean keep = s < length && (!causal || s <= t);
                    m.set(b * queries + t, s,
                            keep ? 0 : Double.NEGATIVE_INFINITY);
                    kept += keep ? 1 : 0;
                }
                if (kept == 0) {
                    throw new IllegalArgumentException("sequence " + b
                            + ", query " + t + " has every key masked");
                }
            }
        }
        return m;
    }
}
