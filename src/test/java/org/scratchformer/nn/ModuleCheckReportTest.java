package org.scratchformer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scratchformer.gradcheck.GradCheckReport;
import org.scratchformer.gradcheck.Mismatch;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Tensor;

/** How the module check's summary names findings and wraps its last line. */
class ModuleCheckReportTest {

    static ModuleCheckReport passed(List<String> names, List<String> shapes) {
        return new ModuleCheckReport(new GradCheckReport(List.of(), 1, 0,
                "[]", "settings"), names, shapes);
    }

    static String checkedLines(ModuleCheckReport report) {
        String summary = report.summary();
        return summary.substring(summary.indexOf("  checked:"));
    }

    @Test
    void aCheckedLineOfExactly78ColumnsIsNotWrapped() {
        // "  checked:" (10) + " x (2x3)," (9) + " " + 52 letters + " (1x4)"
        // (59) = 78 columns
        String name = "w".repeat(52);
        String line = checkedLines(passed(List.of("x", name),
                List.of("(2x3)", "(1x4)")));
        assertEquals("  checked: x (2x3), " + name + " (1x4)", line);
        assertEquals(ModuleCheckReport.WIDTH, line.length());
    }

    @Test
    void oneColumnMoreWrapsUnderTheLabel() {
        String name = "w".repeat(53);
        String lines = checkedLines(passed(List.of("x", name),
                List.of("(2x3)", "(1x4)")));
        assertEquals("  checked: x (2x3),\n    " + name + " (1x4)", lines);
    }

    @Test
    void everyFindingLineIsNamedNotJustTheFirst() {
        // y = x·W with W (1x2) used as a constant: both elements of W are
        // findings, and the summary names both by the parameter's path
        Linear layer = new Linear(1, 2, new Random(3));
        ModuleCheckReport report = ModuleCheck.of(layer, in -> {
            Tensor w = Tensor.constant(layer.weight().value());
            return org.scratchformer.ops.Ops.matmul(in.get(0), w);
        }).inputNames("x").run(Tensor.variable(RandomCases.values(
                new Random(4), 3, 1)));
        List<Mismatch> found = report.report().mismatches();
        assertEquals(2, found.size(), report.summary());
        String summary = report.summary();
        assertTrue(summary.contains("\n  weight element (0,0): "), summary);
        assertTrue(summary.contains("\n  weight element (0,1): "), summary);
        assertFalse(summary.contains("input 1"), summary);
    }

    @Test
    void moreFindingsThanLinesAreCutAndTheShownOnesNamed() {
        // W (3x3) used as a constant: nine findings, five shown
        Linear layer = new Linear(3, 3, new Random(3));
        ModuleCheckReport report = ModuleCheck.of(layer, in -> org
                .scratchformer.ops.Ops.matmul(in.get(0), Tensor.constant(
                        layer.weight().value()))).inputNames("x")
                .run(Tensor.variable(RandomCases.values(new Random(4), 2, 3)));
        assertEquals(9, report.report().mismatches().size());
        String[] lines = report.summary().split("\n");
        for (int k = 1; k <= 5; k++) {
            assertTrue(lines[k].startsWith("  weight element ("),
                    report.summary());
        }
        assertEquals("  and 4 more", lines[6]);
        assertTrue(lines[7].startsWith("  checked: x (2x3)"),
                report.summary());
    }

    @Test
    void theFirstInputIsNamedNotTakenForADirection() {
        ModuleCheckReport report = passed(List.of("x"), List.of("(1x1)"));
        assertEquals("x", report.nameOf(new Mismatch(Mismatch.Kind.GRADIENT,
                0, 0, 0, 1, -1)));
    }

    @Test
    void aDirectionalFindingIsNamedAsSuch() {
        ModuleCheckReport report = new ModuleCheckReport(new GradCheckReport(
                List.of(new Mismatch(Mismatch.Kind.GRADIENT, -1, -1, -1, 1,
                        -1)), 1, 2, "[(1x1)]", "fast mode"), List.of("x"),
                List.of("(1x1)"));
        assertEquals("random direction", report.nameOf(
                report.report().mismatches().get(0)));
        assertTrue(report.summary().contains("\n  random direction: "),
                report.summary());
    }
}
