package org.scratchformer.gradcheck;

import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.tensor.Tensor;
import org.scratchformer.tensor.UnaryOp;

/**
 * How a reader checks an op of their own: the op, a stream of seeded random
 * cases and one parameterized test. Chapter 4 shows this file.
 */
class OwnOpCheckTest {

    // tag::own-op[]
    /** Y = X³ elementwise;  dX = 3·X² ⊙ dY. */
    static final class Cube extends UnaryOp {
        @Override
        public String name() {
            return "cube";
        }

        @Override
        protected DMatrixRMaj forward(DMatrixRMaj x) {
            DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
            for (int k = 0; k < x.getNumElements(); k++) {
                y.set(k, x.get(k) * x.get(k) * x.get(k));
            }
            return y;
        }

        @Override
        protected DMatrixRMaj backward(DMatrixRMaj x, DMatrixRMaj y,
                DMatrixRMaj dY) {
            DMatrixRMaj dX = new DMatrixRMaj(x.numRows, x.numCols);  // (R, C)
            for (int k = 0; k < x.getNumElements(); k++) {
                dX.set(k, 3 * x.get(k) * x.get(k) * dY.get(k));
            }
            return dX;
        }
    }
    // end::own-op[]

    // tag::own-test[]
    static Stream<Arguments> cases() {
        return RandomCases.seeds(2024, 25).map(seed -> {
            Random r = new Random(seed);
            int rows = RandomCases.size(r);
            int cols = RandomCases.size(r);
            return Arguments.of(seed, rows, cols);
        });
    }

    @ParameterizedTest(name = "cube seed={0} x=({1}x{2})")
    @MethodSource("cases")
    void cubeMatchesCentralDifferences(long seed, int rows, int cols) {
        Random r = new Random(seed);
        Tensor x = Tensor.variable(RandomCases.uniform(r, rows, cols, -2, 2));
        GradCheck.of(in -> new Cube().apply(in.get(0)))
                .seed(seed)
                .check(x);
    }
    // end::own-test[]
}
