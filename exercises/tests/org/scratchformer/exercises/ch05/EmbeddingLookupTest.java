package org.scratchformer.exercises.ch05;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scratchformer.gradcheck.RandomCases.size;
import static org.scratchformer.gradcheck.RandomCases.uniform;
import static org.scratchformer.gradcheck.RandomCases.values;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.exercises.CaseNames;
import org.scratchformer.gradcheck.GradCheck;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.BinaryOp;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Tensor;

/**
 * Judges {@link EmbeddingLookup}. Every case here repeats an index, as a
 * sentence repeats a token.
 */
@ExtendWith(CaseNames.class)
class EmbeddingLookupTest {

    /** The lookup as an op: W a variable, the indices a constant. */
    static final class Lookup extends BinaryOp {
        @Override
        public String name() {
            return "embedding lookup (exercise)";
        }

        @Override
        protected DMatrixRMaj forward(DMatrixRMaj w, DMatrixRMaj idx) {
            return EmbeddingLookup.forward(w, idx);
        }

        @Override
        protected Grads backward(DMatrixRMaj w, DMatrixRMaj idx,
                DMatrixRMaj y, DMatrixRMaj dY) {
            return new Grads(EmbeddingLookup.backward(w, idx, dY), null);
        }
    }

    static final Lookup LOOKUP = new Lookup();

    static Stream<Long> seeds() {
        return RandomCases.seeds(505050, 20);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void agreesWithCentralDifferences(long seed) {
        Random random = new Random(seed);
        int vocabulary = size(random);
        int count = vocabulary + 1 + random.nextInt(3);  // an index repeats
        DMatrixRMaj idx = new DMatrixRMaj(1, count);
        for (int n = 0; n < count; n++) {
            idx.set(0, n, random.nextInt(vocabulary));
        }
        GradCheck.of(in -> LOOKUP.apply(in.get(0), in.get(1))).seed(seed)
                .check(Tensor.variable(values(random, vocabulary,
                        size(random))), Tensor.constant(idx));
    }

    @Test
    void aRepeatedIndexCollectsBothRowsOfDy() {
        DMatrixRMaj w = new DMatrixRMaj(2, 2);
        DMatrixRMaj idx = new DMatrixRMaj(new double[][] {{1, 1}});
        DMatrixRMaj dY = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
        DMatrixRMaj dW = EmbeddingLookup.backward(w, idx, dY);
        // row 1 of W was used twice: dW row 1 = dY row 0 + dY row 1
        assertArrayEquals(new double[] {0, 0, 4, 6}, elements(dW), 1e-15,
                "dW for idx [1, 1]");
    }

    @Test
    void noPartOfDyIsLost() {
        // every row of dY goes to exactly one row of dW, so the totals match
        Random random = new Random(9);
        DMatrixRMaj w = new DMatrixRMaj(3, 4);
        DMatrixRMaj idx = new DMatrixRMaj(new double[][] {{0, 2, 0, 1, 2}});
        DMatrixRMaj dY = uniform(random, 5, 4, 0.5, 1);
        DMatrixRMaj dW = EmbeddingLookup.backward(w, idx, dY);
        assertEquals(Arrays.stream(elements(dY)).sum(),
                Arrays.stream(elements(dW)).sum(), 1e-12,
                "Σ dW must equal Σ dY");
    }

    static double[] elements(DMatrixRMaj m) {
        return Arrays.copyOf(m.data, m.getNumElements());
    }
}
