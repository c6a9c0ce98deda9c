package org.scratchformer.gradcheck;

import java.util.List;
import java.util.Locale;

/**
 * What a gradient check found.
 *
 * @param mismatches       every finding, in the order found
 * @param elementsChecked  how many input elements (or directions) were compared
 * @param maxRelativeError the largest relative error over the comparisons
 *                         whose values reach atol in size (nearer zero,
 *                         the absolute tolerance judges them)
 * @param shapes           the inputs' shapes, e.g. {@code [(2x3), (3x4)]}
 * @param settings         the step, tolerances, mode and seed used
 */
public record GradCheckReport(List<Mismatch> mismatches, int elementsChecked,
        double maxRelativeError, String shapes, String settings) {

    /** How many findings a summary lists before it says "and N more". */
    static final int SHOWN = 5;

    public boolean passed() {
        return mismatches.isEmpty();
    }

    /** One line if it passed, else one line per finding (at most five). */
    public String summary() {
        if (passed()) {
            return String.format(Locale.ROOT, "gradient check passed: %d"
                    + " comparison%s, max relative error %.2e; inputs %s;"
                    + " %s", elementsChecked, plural(elementsChecked),
                    maxRelativeError, shapes, settings);
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "gradient check failed: %d finding%s in %d comparison%s;"
                + " inputs %s; %s", mismatches.size(),
                plural(mismatches.size()), elementsChecked,
                plural(elementsChecked), shapes, settings));
        for (Mismatch m : mismatches.subList(0,
                Math.min(SHOWN, mismatches.size()))) {
            text.append('\n').append("  ").append(describe(m));
        }
        if (mismatches.size() > SHOWN) {
            text.append("\n  and ").append(mismatches.size() - SHOWN)
                    .append(" more");
        }
        return text.toString();
    }

    private static String plural(int count) {
        return count == 1 ? "" : "s";
    }

    static String describe(Mismatch m) {
        String numbers = String.format(Locale.ROOT, "analytic %.10g vs"
                + " numeric %.10g, relative error %.2e", m.analytic(),
                m.numeric(), m.relativeError());
        switch (m.kind()) {
            case KINK:
                return m.where() + " sits on a kink: the one-sided slopes"
                        + String.format(Locale.ROOT, " %.6g and %.6g",
                                m.analytic(), m.numeric())
                        + " differ; move inputs away from non-differentiable"
                        + " points (relu at 0) or pass allowKinks()";
            case NOT_REPEATABLE:
                return m.where() + ": a second backward from scratch gave a"
                        + " different gradient (" + numbers + "); does the op"
                        + " keep state between calls?";
            case NO_ACCUMULATION:
                return m.where() + ": a second backward on the same graph"
                        + " should double the gradient (" + String.format(
                                Locale.ROOT, "expected %.10g, got %.10g",
                                m.numeric(), m.analytic()) + ")";
            case INPUT_MODIFIED:
                return m.where() + ": the function modified its input ("
                        + String.format(Locale.ROOT, "was %.10g, now %.10g",
                                m.numeric(), m.analytic()) + ")";
            default:
                return m.where() + ": " + numbers;
        }
    }
}
