package org.scratchformer.exercises.ch12;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        Map<List<String>, Integer> inReference = counts(reference, n);
        long matches = 0;
        for (Map.Entry<List<String>, Integer> e
                : counts(candidate, n).entrySet()) {
            matches += Math.min(e.getValue(),
                    inReference.getOrDefault(e.getKey(), 0));
        }
        return matches;
    }

    private static Map<List<String>, Integer> counts(List<String> words,
            int n) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= words.size(); i++) {
            counts.merge(words.subList(i, i + n), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * The brevity penalty for candidates of total length {@code c} against
     * references of total length {@code r}: 1 if c &gt; r, else
     * exp(1 − r/c), and 0 for c = 0.
     */
    public static double brevityPenalty(long c, long r) {
        if (c > r) {
            return 1;
        }
        return c == 0 ? 0 : Math.exp(1 - (double) r / c);
    }
}
