package org.scratchformer.attention;

import static org.scratchformer.attention.AttentionAssertions.assertClose;
import static org.scratchformer.attention.AttentionAssertions.assertRejected;
import static org.scratchformer.attention.AttentionAssertions.random;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.gradcheck.GradCheck;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/**
 * The batched products against the same products taken one sequence and
 * one head at a time with slices, on shapes where B, T, S, D and H all
 * differ, so a block read from the wrong sequence or head shows.
 */
class BatchedProductsTest {

    static Stream<Arguments> layouts() {
        // B, H, T, S, D: all different in each case
        return Stream.of(Arguments.of(2, 3, 4, 5, 1),
                Arguments.of(3, 2, 1, 4, 5), Arguments.of(4, 1, 3, 2, 5),
                Arguments.of(1, 4, 5, 3, 2));
    }

    /** Q·Kᵀ per sequence and head, from slices, concatenated back. */
    static Tensor slicedScores(Tensor a, Tensor b, int batch, int heads) {
        int t = a.rows() / batch;
        int s = b.rows() / batch;
        int d = a.cols() / heads;
        Tensor[] rows = new Tensor[batch];
        for (int seq = 0; seq < batch; seq++) {
            Tensor[] blocks = new Tensor[heads];
            for (int h = 0; h < heads; h++) {
                Tensor ab = Ops.sliceCols(Ops.sliceRows(a, seq * t,
                        (seq + 1) * t), h * d, (h + 1) * d);
                Tensor bb = Ops.sliceCols(Ops.sliceRows(b, seq * s,
                        (seq + 1) * s), h * d, (h + 1) * d);
                blocks[h] = Ops.matmulTransB(ab, bb);
            }
            rows[seq] = Ops.concatCols(blocks);
        }
        return Ops.concatRows(rows);
    }

    /** weights·V per sequence and head, from slices. */
    static Tensor slicedWeighted(Tensor a, Tensor b, int batch, int heads) {
        int t = a.rows() / batch;
        int s = a.cols() / heads;
        int d = b.cols() / heads;
        Tensor[] rows = new Tensor[batch];
        for (int seq = 0; seq < batch; seq++) {
            Tensor[] blocks = new Tensor[heads];
            for (int h = 0; h < heads; h++) {
                Tensor ab = Ops.sliceCols(Ops.sliceRows(a, seq * t,
                        (seq + 1) * t), h * s, (h + 1) * s);
                Tensor bb = Ops.sliceCols(Ops.sliceRows(b, seq * s,
                        (seq + 1) * s), h * d, (h + 1) * d);
                blocks[h] = Ops.matmul(ab, bb);
            }
            rows[seq] = Ops.concatCols(blocks);
        }
        return Ops.concatRows(rows);
    }

    @ParameterizedTest(name = "B={0} H={1} T={2} S={3} D={4}")
    @MethodSource("layouts")
    void scoresEqualOneProductPerSequenceAndHead(int batch, int heads,
            int t, int s, int d) {
        Random random = new Random(811 + batch * 31 + heads);
        DMatrixRMaj a = random(random, batch * t, heads * d);
        DMatrixRMaj b = random(random, batch * s, heads * d);
        DMatrixRMaj dY = random(random, batch * t, heads * s);
        assertSameValueAndGradients(
                x -> new BatchedMatMulTransB(batch, heads).apply(x.get(0),
                        x.get(1)),
                x -> slicedScores(x.get(0), x.get(1), batch, heads),
                a, b, dY);
    }

    @ParameterizedTest(name = "B={0} H={1} T={2} S={3} D={4}")
    @MethodSource("layouts")
    void weightedSumEqualsOneProductPerSequenceAndHead(int batch,
            int heads, int t, int s, int d) {
        Random random = new Random(823 + batch * 31 + heads);
        DMatrixRMaj a = random(random, batch * t, heads * s);
        DMatrixRMaj b = random(random, batch * s, heads * d);
        DMatrixRMaj dY = random(random, batch * t, heads * d);
        assertSameValueAndGradients(
                x -> new BatchedMatMul(batch, heads).apply(x.get(0),
                        x.get(1)),
                x -> slicedWeighted(x.get(0), x.get(1), batch, heads),
                a, b, dY);
    }

    @ParameterizedTest(name = "B={0} H={1} T={2} S={3} D={4}")
    @MethodSource("layouts")
    void bothPassGradCheck(int batch, int heads, int t, int s, int d) {
        Random random = new Random(829 + batch * 31 + heads);
        GradCheck.of(x -> new BatchedMatMulTransB(batch, heads)
                .apply(x.get(0), x.get(1)))
                .check(Tensor.variable(random(random, batch * t, heads * d)),
                        Tensor.variable(random(random, batch * s,
                                heads * d)));
        GradCheck.of(x -> new BatchedMatMul(batch, heads)
                .apply(x.get(0), x.get(1)))
                .check(Tensor.variable(random(random, batch * t, heads * s)),
                        Tensor.variable(random(random, batch * s,
                                heads * d)));
    }

    static void assertSameValueAndGradients(
            java.util.function.Function<List<Tensor>, Tensor> batched,
            java.util.function.Function<List<Tensor>, Tensor> sliced,
            DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj dY) {
        List<Tensor> x1 = List.of(Tensor.variable(a.copy()),
                Tensor.variable(b.copy()));
        List<Tensor> x2 = List.of(Tensor.variable(a.copy()),
                Tensor.variable(b.copy()));
        Tensor y1 = batched.apply(x1);
        Tensor y2 = sliced.apply(x2);
        y1.backward(dY);
        y2.backward(dY);
        assertClose(y2.value(), y1.value(), 1e-13, "output");
        assertClose(x2.get(0).grad(), x1.get(0).grad(), 1e-13, "dA");
        assertClose(x2.get(1).grad(), x1.get(1).grad(), 1e-13, "dB");
    }

    @Test
    void shapesThatDoNotFitTheLayoutAreNamed() {
        Tensor a = Tensor.variable(new DMatrixRMaj(6, 4));
        assertRejected(() -> new BatchedMatMulTransB(4, 2).apply(a, a),
                "batched_matmul_nt", "(6x4)", "batch size 4");
        assertRejected(() -> new BatchedMatMulTransB(2, 3).apply(a, a),
                "batched_matmul_nt", "(6x4)", "head count 3");
        Tensor b = Tensor.variable(new DMatrixRMaj(6, 6));
        assertRejected(() -> new BatchedMatMulTransB(2, 2).apply(a, b),
                "batched_matmul_nt", "(6x4)", "(6x6)", "same columns");
        // A (6x4) with 2 heads: blocks of 2 keys, so B needs 2·2 = 4 rows
        assertRejected(() -> new BatchedMatMul(2, 2).apply(a, b),
                "batched_matmul", "(6x6)", "4 rows");
        assertRejected(() -> new BatchedMatMul(0, 1), "batch", "heads");
    }
}
