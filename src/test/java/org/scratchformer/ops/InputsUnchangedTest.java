package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scratchformer.ops.MatrixAssertions.identical;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Op;
import org.scratchformer.tensor.Tensor;

/**
 * The contract of every registered op: forward and backward leave X, Y and
 * dY as they were, and return matrices of their own, never one of those.
 * A gradient that aliased dY or an input would be changed later by the
 * engine's accumulation.
 */
class InputsUnchangedTest {

    static Stream<Arguments> cases() {
        return OpRegistry.all().stream().flatMap(entry -> RandomCases
                .seeds(entry.name().hashCode() + 1, 5)
                .map(seed -> Arguments.of(entry, seed)));
    }

    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("cases")
    void forwardAndBackwardModifyNothing(OpEntry entry, long seed) {
        List<Tensor> inputs = entry.inputsFor(seed);
        Tensor out = entry.apply().apply(inputs);
        Op op = out.op();
        assertTrue(entry.opClass().isInstance(op), entry.name()
                + ": the registry applies " + op + ", not "
                + entry.opClass().getSimpleName());
        List<DMatrixRMaj> x = out.inputs().stream().map(Tensor::value)
                .toList();
        List<DMatrixRMaj> xBefore = copies(x);
        DMatrixRMaj y = out.value();
        DMatrixRMaj yBefore = y.copy();
        DMatrixRMaj dY = RandomCases.values(new Random(seed), y.numRows,
                y.numCols);
        DMatrixRMaj dYBefore = dY.copy();

        DMatrixRMaj again = op.forward(x);
        Grads grads = op.backward(x, y, dY);

        for (int i = 0; i < x.size(); i++) {
            assertTrue(identical(xBefore.get(i), x.get(i)), entry.name()
                    + " modified input " + i);
            assertNotSame(x.get(i), again, entry.name()
                    + ": forward returned input " + i);
        }
        assertTrue(identical(yBefore, y), entry.name() + " modified Y");
        assertTrue(identical(dYBefore, dY), entry.name() + " modified dY");
        for (int i = 0; i < grads.size(); i++) {
            DMatrixRMaj g = grads.get(i);
            assertNotSame(dY, g, entry.name() + ": gradient " + i + " is dY");
            assertNotSame(y, g, entry.name() + ": gradient " + i + " is Y");
            for (DMatrixRMaj input : x) {
                assertTrue(g == null || g != input, entry.name()
                        + ": gradient " + i + " is an input");
            }
        }
    }

    private static List<DMatrixRMaj> copies(List<DMatrixRMaj> x) {
        return x.stream().map(DMatrixRMaj::copy).toList();
    }
}
