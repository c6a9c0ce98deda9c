package org.scratchformer.exercises.ch12;

import java.util.List;

/** Exercise 12.1: the two parts of BLEU that make it more than word overlap. */
public final class BleuParts {
    private BleuParts() {
    }

    /**
     * How many of the candidate's n-grams occur in the reference, each
     * n-gram counted at most as many times as it occurs there.
     */
    public static long clippedMatches(List<String> candidate,
            List<String> reference, int n) {
        throw new UnsupportedOperationException("count each n-gram on both"
                + " sides; add min(candidate count, reference count)");
    }

    /**
     * The brevity penalty for candidates of total length {@code c} against
     * references of total length {@code r}: 1 if c &gt; r, else
     * exp(1 − r/c), and 0 for c = 0.
     */
    public static double brevityPenalty(long c, long r) {
        throw new UnsupportedOperationException("exp(1 − r/c) when the"
                + " candidates are not longer");
    }
}
