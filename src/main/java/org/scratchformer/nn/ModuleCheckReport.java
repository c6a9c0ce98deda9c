package org.scratchformer.nn;

import java.util.ArrayList;
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

    public boolean passed() {
        return report.passed();
    }

    /** The name of the input or parameter a finding is about. */
    public String nameOf(Mismatch m) {
        return m.input() < 0 ? "random direction" : names.get(m.input());
    }

    /**
     * GradCheck's summary, each finding named by input or parameter path,
     * and a line listing what was checked.
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
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            checked.add(names.get(i) + " " + shapes.get(i));
        }
        return String.join("\n", lines) + "\n  checked: "
                + String.join(", ", checked);
    }

    /** {@code 0.weight element (2,1)}, as GradCheck says input 3 element. */
    private String where(Mismatch m) {
        String name = nameOf(m);
        return m.row() < 0 ? name
                : name + " element (" + m.row() + "," + m.col() + ")";
    }
}
