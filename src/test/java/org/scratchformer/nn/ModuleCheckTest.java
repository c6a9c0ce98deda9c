package org.scratchformer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scratchformer.nn.NnAssertions.assertIdentical;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/** The module check finds what it should and names it by path. */
class ModuleCheckTest {

    /** Uses the weight's value as a constant: no gradient reaches it. */
    static final class Detached extends Layer {
        final Linear proj = child("proj", new Linear(3, 2, new Random(1)));

        @Override
        public Tensor forward(Tensor x) {
            Tensor w = Tensor.constant(proj.weight().value());
            return Ops.addRow(Ops.matmul(x, w), proj.bias().tensor());
        }
    }

    static Tensor input(int rows, int cols) {
        return Tensor.variable(RandomCases.values(new Random(5), rows, cols));
    }

    @Test
    void aParameterLeftOutOfTheGraphIsNamedByItsPath() {
        ModuleCheckReport report = ModuleCheck.of(new Detached())
                .run(input(2, 3));
        assertFalse(report.passed());
        assertTrue(report.report().mismatches().stream()
                .allMatch(m -> report.nameOf(m).equals("proj.weight")),
                report.summary());
        assertTrue(report.summary().contains("\n  proj.weight element"
                + " (0,0): analytic 0"), report.summary());
        assertFalse(report.summary().contains("input 1"), report.summary());
    }

    @Test
    void checkThrowsWithTheNamedSummary() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> ModuleCheck.of(new Detached()).check(input(2, 3)));
        assertTrue(e.getMessage().contains("proj.weight element"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("checked: x (2x3),"
                + " proj.weight (3x2), proj.bias (1x2)"), e.getMessage());
    }

    @Test
    void theInputsComeFirstThenTheParametersByPath() {
        Random random = new Random(2);
        Sequential model = new Sequential(new Linear(3, 4, random),
                new LayerNorm(4));
        ModuleCheckReport report = ModuleCheck.of(model).check(input(2, 3));
        assertEquals(List.of("x", "0.weight", "0.bias", "1.gain", "1.bias"),
                report.names());
        assertEquals(List.of("(2x3)", "(3x4)", "(1x4)", "(1x4)", "(1x4)"),
                report.shapes());
        assertEquals(6 + 12 + 4 + 4 + 4, report.report().elementsChecked());
    }

    @Test
    void theParametersAreLeftAsTheyWere() {
        Linear layer = new Linear(3, 2, new Random(4));
        Tensor before = layer.weight().tensor();
        DMatrixRMaj value = layer.weight().value().copy();
        ModuleCheck.of(layer).check(input(2, 3));
        assertSame(before, layer.weight().tensor());
        assertIdentical(value, layer.weight().value(), "W");
    }

    @Test
    void theParametersAreRestoredWhenTheForwardThrows() {
        Linear layer = new Linear(3, 2, new Random(4));
        Tensor before = layer.weight().tensor();
        assertThrows(IllegalArgumentException.class,
                () -> ModuleCheck.of(layer).check(input(2, 5)));
        assertSame(before, layer.weight().tensor());
    }

    @Test
    void aSharedParameterIsCheckedOnceUnderItsFirstPath() {
        Linear shared = new Linear(3, 3, new Random(6));
        Sequential twice = new Sequential(shared, shared);
        assertEquals(4, twice.parameters().size());
        ModuleCheckReport report = ModuleCheck.of(twice).check(input(2, 3));
        assertEquals(List.of("x", "0.weight", "0.bias"), report.names());
    }

    @Test
    void aModuleWithSeveralInputsNamesThem() {
        Linear layer = new Linear(3, 2, new Random(7));
        ModuleCheckReport report = ModuleCheck.of(layer,
                in -> Ops.add(layer.forward(in.get(0)), in.get(1)))
                .inputNames("x", "skip").check(input(2, 3), input(2, 2));
        assertEquals(List.of("x", "skip", "weight", "bias"), report.names());
    }

    @Test
    void aConstantInputIsHeldFixedAndSaysSo() {
        Linear layer = new Linear(3, 2, new Random(7));
        Tensor x = Tensor.constant(RandomCases.values(new Random(8), 2, 3));
        ModuleCheckReport report = ModuleCheck.of(layer).check(x);
        assertEquals("(2x3) constant", report.shapes().get(0));
        assertEquals(6 + 2, report.report().elementsChecked());
    }

    @Test
    void nothingToCheckIsAnError() {
        Layer identity = new Layer() {
            @Override
            public Tensor forward(Tensor x) {
                return x;
            }

            @Override
            public String toString() {
                return "Identity";
            }
        };
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ModuleCheck
                        .of(identity).check(Tensor.constant(
                                new DMatrixRMaj(1, 2))));
        assertEquals("ModuleCheck: nothing to check in Identity: it has no"
                + " parameters and every input is a constant",
                e.getMessage());
    }

    @Test
    void theNamesMustMatchTheInputs() {
        Linear layer = new Linear(3, 2, new Random(7));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ModuleCheck.of(layer)
                        .inputNames("x", "y").check(input(2, 3)));
        assertEquals("ModuleCheck: 2 input names [x, y] for 1 inputs",
                e.getMessage());
    }

    @Test
    void samplingChecksFewerElements() {
        Linear layer = new Linear(5, 5, new Random(9));
        ModuleCheckReport report = ModuleCheck.of(layer).sample(3)
                .check(input(4, 5));
        assertEquals(3 + 3 + 3, report.report().elementsChecked());
    }

    @Test
    void settingsAreCheckedAsGradCheckChecksThem() {
        ModuleCheck check = ModuleCheck.of(new Linear(2, 2, new Random(1)));
        IllegalArgumentException sample = assertThrows(
                IllegalArgumentException.class, () -> check.sample(0));
        assertEquals("GradCheck: sample needs at least 1 element per input,"
                + " got 0", sample.getMessage());
        IllegalArgumentException tolerances = assertThrows(
                IllegalArgumentException.class,
                () -> check.tolerances(-1, 1e-3));
        assertTrue(tolerances.getMessage().contains("non-negative"),
                tolerances.getMessage());
    }
}
