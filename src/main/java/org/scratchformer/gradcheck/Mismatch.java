package org.scratchformer.gradcheck;

/**
 * One finding of a gradient check.
 *
 * @param kind     what went wrong
 * @param input    which input (0 for the first); -1 for a directional check
 * @param row      the element's row (-1 for a directional check)
 * @param col      the element's column (-1 for a directional check)
 * @param analytic what backward computed
 * @param numeric  what central differences measured
 */
public record Mismatch(Kind kind, int input, int row, int col,
        double analytic, double numeric) {

    /** The kinds of finding. */
    public enum Kind {
        /** analytic and numeric gradients differ beyond the tolerance */
        GRADIENT,
        /** the one-sided slopes differ: the input sits on a kink */
        KINK,
        /** a second backward from scratch gave different numbers */
        NOT_REPEATABLE,
        /** a second backward on the same graph did not add up to twice */
        NO_ACCUMULATION,
        /** the function modified one of its inputs */
        INPUT_MODIFIED
    }

    /** |analytic − numeric| / max(|analytic|, |numeric|); 0 when both are 0. */
    public double relativeError() {
        double scale = Math.max(Math.abs(analytic), Math.abs(numeric));
        return scale == 0 ? 0 : Math.abs(analytic - numeric) / scale;
    }

    /** Where the finding is, e.g. {@code input 1 element (2,0)}. */
    public String where() {
        if (row < 0) {
            return input < 0 ? "random direction" : "input " + input;
        }
        return "input " + input + " element (" + row + "," + col + ")";
    }
}
