package org.scratchformer.exercises.ch12;

import java.util.List;

/**
 * Exercise 12.2: one step of beam search.
 *
 * <p>A beam is a prefix of word ids with its score, the sum of the
 * log-probabilities of its words. Given the k beams of one sentence and,
 * for each beam, the log-probability of every next word (row j of
 * {@code logProbs} belongs to beam j), return the k best one-word
 * extensions over all beams and words, best first:
 *
 * <pre>
 * candidates = { (beam.ids + w, beam.score + logProbs[j][w]) }
 * keep the k with the highest score; ties: the earlier beam, then the
 * smaller word id
 * </pre>
 *
 * <p>Requirements the tests check: the result has min(k, number of
 * candidates) beams, sorted by score, highest first; a beam's ids are its
 * parent's ids followed by the new word; the inputs are not modified; k
 * below 1, or a logProbs row count that differs from the number of beams,
 * is an IllegalArgumentException whose message contains "k" or "rows".
 */
public final class BeamStep {
    private BeamStep() {
    }

    /** A prefix of word ids and its total log-probability. */
    public record Beam(List<Integer> ids, double score) {
    }

    /** The k best extensions of {@code beams} by one word each. */
    public static List<Beam> step(List<Beam> beams, double[][] logProbs,
            int k) {
        throw new UnsupportedOperationException("every (beam, word) pair is"
                + " a candidate scored beam.score + logProbs[beam][word];"
                + " sort and keep k");
    }
}
