package org.scratchformer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.scratchformer.gradcheck.GradCheck;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.ops.OpEntry;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/**
 * The small things the layers promise: how they print, what they read
 * back, the smallest sizes they accept, and chapter 6's registry entry.
 */
class NnSmallContractsTest {
    static final Random RANDOM = new Random(7);

    @Test
    void layersPrintWhatTheyAre() {
        assertEquals("Parameter(2x3)", new Parameter(new DMatrixRMaj(2, 3))
                .toString());
        Dropout dropout = new Dropout(0.25, RANDOM);
        assertEquals("Dropout(0.25)", dropout.toString());
        assertEquals(0.25, dropout.p());
        Sequential model = new Sequential(new Linear(2, 3, RANDOM),
                new LayerNorm(3));
        assertEquals(2, model.size());
        assertEquals("Sequential[Linear(2 → 3), LayerNorm(3)]",
                model.toString());
        assertEquals("FeedForward(Linear(4 → 8), RELU, Dropout(0.0),"
                + " Linear(8 → 4))", new FeedForward(4, 8, Activation.RELU,
                        RANDOM).toString());
    }

    @Test
    void aLayerNormOfWidthOneIsAllowed() {
        // one column normalises to 0: the output is the bias
        LayerNorm norm = new LayerNorm(1);
        Tensor y = norm.forward(Tensor.constant(new double[][] {{3}, {-2}}));
        assertEquals(0.0, y.get(0, 0));
        assertEquals(0.0, y.get(1, 0));
    }

    /** Registers children under whatever names the test hands it. */
    static final class Parent extends Module {
        void add(String name) {
            child(name, new LayerNorm(2));
        }
    }

    @Test
    void aChildsNameIsCheckedAsAParametersIs() {
        Parent parent = new Parent();
        assertEquals("Parent: a parameter or child name must be non-empty and"
                + " contain no '.', got ''", assertThrows(
                        IllegalArgumentException.class, () -> parent.add(""))
                        .getMessage());
        parent.add("norm");
        assertEquals("Parent: the name 'norm' is already registered",
                assertThrows(IllegalArgumentException.class,
                        () -> parent.add("norm")).getMessage());
    }

    @Test
    void chapterSixRegistersTheFusedLayerNorm() {
        LayerOps source = new LayerOps();
        assertEquals(6, source.chapter());
        List<OpEntry> entries = source.entries();
        assertEquals(List.of("layer_norm", "linear", "linear_relu"),
                entries.stream().map(OpEntry::name).toList());
        OpEntry entry = entries.get(0);
        assertEquals("layer_norm", entry.name());
        List<Tensor> inputs = entry.inputsFor(3);
        assertEquals(3, inputs.size());
        int cols = inputs.get(0).cols();
        assertTrue(cols >= 2, "a row of one is constant: " + cols);
        assertEquals("(1x" + cols + ")", inputs.get(1).shape());
        assertEquals("(1x" + cols + ")", inputs.get(2).shape());
        Tensor y = entry.apply().apply(inputs);
        assertEquals(LayerNormOp.class, y.op().getClass());
        GradCheck.of(entry.apply()).check(inputs.toArray(Tensor[]::new));
    }

    @Test
    void inputsWithoutNamesAreCalledX0X1AndSoOn() {
        Linear layer = new Linear(2, 2, RANDOM);
        ModuleCheckReport report = ModuleCheck.of(layer,
                in -> Ops.add(layer.forward(in.get(0)), in.get(1)))
                .tolerances(1e-5, 1e-3)
                .check(Tensor.variable(RandomCases.values(RANDOM, 3, 2)),
                        Tensor.variable(RandomCases.values(RANDOM, 3, 2)));
        assertEquals(List.of("x0", "x1", "weight", "bias"), report.names());
    }
}
