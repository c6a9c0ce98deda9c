package org.scratchformer.translation.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.scratchformer.nn.Parameter;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/**
 * The walk over a finished forward pass names the first op whose output
 * went wrong while its inputs were right: not a later op that only passed
 * the fault on, nor an attention mask's −∞, which is meant.
 */
class ForwardCheckTest {
    static final Map<String, Parameter> NONE = Map.of();

    static String fault(Tensor root) {
        Optional<String> found = ForwardCheck.firstFault(root, NONE);
        assertTrue(found.isPresent(), "no fault found");
        return found.get();
    }

    @Test
    void theFirstOpIsNamedNotTheOnesThatPassItOn() {
        // exp overflows to +∞ at (0, 1); sub makes NaN of ∞ − ∞; sum adds
        Tensor x = Tensor.variable(new double[][] {{1, 800}, {2, 3}});
        Tensor big = Ops.exp(x);                            // (2x2), +∞
        Tensor nan = Ops.sub(big, big);                     // NaN
        Tensor y = Ops.sum(Ops.matmul(nan, Ops.transpose(x)));
        assertEquals("forward pass: Infinity at (0, 1) first appears in the"
                + " output of exp (chapter 5, The op catalogue), input (2x2),"
                + " output (2x2)", fault(y));
    }

    @Test
    void anOverflowInAChapterThreeOpNamesChapterThree() {
        // 2e308 overflows to +∞: matmul, chapter 3; exp passes it on
        Tensor a = Tensor.variable(new double[][] {{1e308, 1e308, -1e308,
            -1e308}});
        Tensor b = Tensor.variable(new double[][] {{2}, {2}, {2}, {2}});
        Tensor y = Ops.sum(Ops.exp(Ops.matmul(a, b)));
        assertEquals("forward pass: Infinity at (0, 0) first appears in"
                + " the output of matmul (chapter 3, Matrices and the tensor"
                + " engine), inputs (1x4), (4x1), output (1x1)", fault(y));
    }

    @Test
    void aMasksMinusInfinityIsNoFault() {
        Tensor scores = Tensor.variable(new double[][] {{1, 2}, {3, 4}});
        Tensor mask = Tensor.constant(new double[][] {
            {0, Double.NEGATIVE_INFINITY}, {0, 0}});
        Tensor y = Ops.sum(Ops.softmax(Ops.addMask(scores, mask)));
        assertEquals(Optional.empty(), ForwardCheck.firstFault(y, NONE));
    }

    @Test
    void theOpThatReadsAParameterHoldingNaNIsNamedWithIt() {
        Parameter w = new Parameter(new DMatrixRMaj(new double[][] {
            {1, 2}, {3, 4}}));
        w.value().set(1, 0, Double.NaN);
        Tensor x = Tensor.constant(new double[][] {{1, 1}});
        Tensor y = Ops.sum(Ops.tanh(Ops.matmul(x, w.tensor())));
        assertEquals(Optional.of("forward pass: matmul (chapter 3, Matrices"
                + " and the tensor engine), inputs (1x2), (2x2), output"
                + " (1x2) reads NaN at (1, 0) in input 1, the parameter"
                + " encoder.weight (2x2)"),
                ForwardCheck.firstFault(y, Map.of("encoder.weight", w)));
        assertTrue(ForwardCheck.firstFault(y, NONE).orElseThrow().endsWith(
                "in input 1, an input (2x2)"));
        assertEquals(Optional.of("forward pass: an input (2x2) holds NaN"
                + " at (1, 0)"), ForwardCheck.firstFault(w.tensor(), NONE),
                "a graph of one leaf");
    }

    @Test
    void anInfinityInAVariableIsAFaultButNotInAConstant() {
        double inf = Double.POSITIVE_INFINITY;
        Tensor variable = Tensor.variable(new double[][] {{inf, 1}});
        assertEquals(Optional.of("forward pass: neg (chapter 5, The op"
                + " catalogue), input (1x2), output (1x2) reads Infinity at"
                + " (0, 0) in input 0, an input (1x2)"),
                ForwardCheck.firstFault(Ops.neg(variable), NONE));
        Tensor constant = Tensor.constant(new double[][] {{-inf, 1}});
        Tensor x = Tensor.variable(new double[][] {{2, 1}});
        assertEquals(Optional.empty(), ForwardCheck.firstFault(
                Ops.add(x, constant), NONE), "−∞ in a constant is a mask");
    }

    @Test
    void aFiniteGraphPassesAndKeepsItsBits() {
        Tensor x = Tensor.variable(new double[][] {{0.5, -1.25}, {2, 3}});
        Tensor y = Ops.sum(Ops.tanh(Ops.matmul(x, Ops.transpose(x))));
        double before = y.item();
        DMatrixRMaj input = x.value().copy();
        assertEquals(Optional.empty(), ForwardCheck.firstFault(y, NONE));
        assertEquals(Double.doubleToRawLongBits(before),
                Double.doubleToRawLongBits(y.item()));
        assertTrue(java.util.Arrays.equals(input.data, x.value().data));
    }
}
