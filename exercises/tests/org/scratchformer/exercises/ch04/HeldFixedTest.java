package org.scratchformer.exercises.ch04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.exercises.CaseNames;
import org.scratchformer.gradcheck.GradCheck;
import org.scratchformer.gradcheck.GradCheckReport;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Tensor;

@ExtendWith(CaseNames.class)
class HeldFixedTest {

    /** Table (V, C), indices (1, N) with a repeat, mask (N, C). */
    record Case(DMatrixRMaj table, DMatrixRMaj indices, DMatrixRMaj mask) {
        static Case draw(long seed) {
            Random r = new Random(seed);
            int v = RandomCases.size(r);
            int c = RandomCases.size(r);
            int n = v + 1 + r.nextInt(3);  // more picks than rows: a repeat
            DMatrixRMaj indices = new DMatrixRMaj(1, n);
            for (int k = 0; k < n; k++) {
                indices.set(k, r.nextInt(v));
            }
            DMatrixRMaj mask = new DMatrixRMaj(n, c);
            for (int row = 0; row < n; row++) {
                int kept = r.nextInt(c);  // at least one 0 per row
                for (int col = 0; col < c; col++) {
                    boolean masked = col != kept && r.nextDouble() < 0.3;
                    mask.set(row, col, masked ? Double.NEGATIVE_INFINITY : 0);
                }
            }
            return new Case(RandomCases.values(r, v, c), indices, mask);
        }
    }

    static Stream<Arguments> cases() {
        return RandomCases.seeds(43, 30).map(seed -> {
            Case c = Case.draw(seed);
            return Arguments.of(seed, c.table().numRows, c.table().numCols,
                    c.indices().numCols);
        });
    }

    @ParameterizedTest(name = "seed={0} table=({1}x{2}) indices=(1x{3})"
            + " mask=({3}x{2})")
    @MethodSource("cases")
    void theCheckPassesAndCoversTheTable(long seed, int v, int c, int n) {
        Case drawn = Case.draw(seed);
        Tensor[] inputs = HeldFixed.inputs(drawn.table().copy(),
                drawn.indices().copy(), drawn.mask().copy());
        GradCheckReport report = GradCheck.of(x -> new MaskedLookup()
                .apply(x.get(0), x.get(1), x.get(2))).seed(seed)
                .check(inputs);
        assertEquals(v * c, report.elementsChecked(),
                "every element of the table, and nothing else");
    }

    @Test
    void theTensorsHoldTheGivenValuesInOrder() {
        Case drawn = Case.draw(1);
        Tensor[] inputs = HeldFixed.inputs(drawn.table().copy(),
                drawn.indices().copy(), drawn.mask().copy());
        assertEquals(3, inputs.length);
        assertTrue(MatrixFeatures_DDRM.isIdentical(drawn.table(),
                inputs[0].value(), 0));
        assertTrue(MatrixFeatures_DDRM.isIdentical(drawn.indices(),
                inputs[1].value(), 0));
        assertTrue(MatrixFeatures_DDRM.isIdentical(drawn.mask(),
                inputs[2].value(), 0));
    }
}
