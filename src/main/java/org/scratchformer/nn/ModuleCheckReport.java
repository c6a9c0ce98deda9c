package org.scratchformer.nn;

import java.util.List;
import org.scratchformer.gradcheck.GradCheckReport;
import org.scratchformer.gradcheck.Mismatch;

/**
 * What a {@link ModuleCheck} found: GradCheck's report, and a name for each
 * of GradCheck's inputs, the module's inputs first and then its parameters
 * by path ({@code 0.weight}).
 *
 * @param report GradCheck's report; its input i is {@code names.get(i)}
 * @param names  the inputs' names, then the parameters' paths
 * @param shapes the shape of each, in the same order, with the word
 *               {@code constant} after a constant (held fixed)
 */
public record ModuleCheckReport(GradCheckReport report, List<String> names,
        List<String> shapes) {
    /** The list of what was checked wraps before this many characters. */
    static final int WIDTH = 78;

    public boolean passed() {
        return report.passed();
    }

    /** The name of the input or parameter a finding is about. */
    public String nameOf(Mismatch m) {
        return m.input() < 0 ? "random direction" : names.get(m.input());
    }

    /**
     * GradCheck's summary, each finding named by input or parameter path,
     * and a list of what was checked, wrapped to lines of 78 characters.
     */
    public String summary() {
        String[] lines = report.summary().split("\n", -1);
        List<Mismatch> found = report.mismatches();
        for (int k = 1; k < lines.length && k <= found.size(); k++) {
            Mismatch m = found.get(k - 1);
            String prefix = "  " + m.where();
            if (lines[k].startsWith(prefix)) {
                lines[k] = "  " + where(m)
                        + lines[k].substring(prefix.length());
            }
        }
        StringBuilder text = new StringBuilder(String.join("\n", lines))
                .append("\n  checked:");
        int width = "  checked:".length();
        for (int i = 0; i < names.size(); i++) {
            String item = " " + names.get(i) + " " + shapes.get(i)
                    + (i + 1 < names.size() ? "," : "");
            if (width + item.length() > WIDTH) {
                text.append("\n   ");  // wrap, indented under the label
                width = 3;
            }
            text.append(item);
            width += item.length();
        }
        return text.toString();
    }

    /** {@code 0.weight element (2,1)}, as GradCheck says input 3 element. */
    private String where(Mismatch m) {
        String name = nameOf(m);
        return m.row() < 0 ? name
                : name + " element (" + m.row() + "," + m.col() + ")";
    }
}
