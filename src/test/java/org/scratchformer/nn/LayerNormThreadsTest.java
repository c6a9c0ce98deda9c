package org.scratchformer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Products;

/**
 * layer_norm shares its rows (and, for dγ and dβ, its columns) over the
 * products' threads: the bits must be those of one row after the other,
 * for any number of threads, at a size large enough to be split.
 */
class LayerNormThreadsTest {
    static final int ROWS = 768;
    static final int COLS = 128;
    static final double EPSILON = 1e-5;

    /** Y, dX, dγ, dβ as the op computed them before it was shared. */
    static List<DMatrixRMaj> oneRowAfterTheOther(DMatrixRMaj x,
            DMatrixRMaj gamma, DMatrixRMaj beta, DMatrixRMaj dY) {
        DMatrixRMaj y = new DMatrixRMaj(ROWS, COLS);
        DMatrixRMaj dX = new DMatrixRMaj(ROWS, COLS);
        DMatrixRMaj dGamma = new DMatrixRMaj(1, COLS);
        DMatrixRMaj dBeta = new DMatrixRMaj(1, COLS);
        for (int r = 0; r < ROWS; r++) {
            double mu = 0;
            for (int c = 0; c < COLS; c++) {
                mu += x.get(r, c);
            }
            mu /= COLS;
            double variance = 0;
            for (int c = 0; c < COLS; c++) {
                double d = x.get(r, c) - mu;
                variance += d * d;
            }
            double rstd = 1 / Math.sqrt(variance / COLS + EPSILON);
            double meanG = 0;
            double meanGXHat = 0;
            for (int c = 0; c < COLS; c++) {
                double xHat = (x.get(r, c) - mu) * rstd;
                y.set(r, c, gamma.get(c) * xHat + beta.get(c));
                double g = dY.get(r, c) * gamma.get(c);
                meanG += g / COLS;
                meanGXHat += g * xHat / COLS;
                dBeta.add(0, c, dY.get(r, c));
                dGamma.add(0, c, dY.get(r, c) * xHat);
            }
            for (int c = 0; c < COLS; c++) {
                double g = dY.get(r, c) * gamma.get(c);
                double xHat = (x.get(r, c) - mu) * rstd;
                dX.set(r, c, rstd * (g - meanG - xHat * meanGXHat));
            }
        }
        return List.of(y, dX, dGamma, dBeta);
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2, 3})
    void theBitsOfOneRowAfterTheOther(int threads) {
        Random random = new Random(threads);
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(ROWS, COLS, -3, 3,
                random);
        DMatrixRMaj gamma = RandomMatrices_DDRM.rectangle(1, COLS, 0.5, 1.5,
                random);
        DMatrixRMaj beta = RandomMatrices_DDRM.rectangle(1, COLS, -1, 1,
                random);
        DMatrixRMaj dY = RandomMatrices_DDRM.rectangle(ROWS, COLS, -1, 1,
                random);
        List<DMatrixRMaj> want = oneRowAfterTheOther(x, gamma, beta, dY);
        int before = Products.threads();
        try {
            Products.setThreads(threads);
            LayerNormOp op = new LayerNormOp(EPSILON);
            List<DMatrixRMaj> inputs = List.of(x, gamma, beta);
            DMatrixRMaj y = op.forward(inputs);
            Grads grads = op.backward(inputs, y, dY);
            List<DMatrixRMaj> got = List.of(y, grads.get(0), grads.get(1),
                    grads.get(2));
            String[] names = {"Y", "dX", "dγ", "dβ"};
            for (int i = 0; i < 4; i++) {
                for (int k = 0; k < want.get(i).getNumElements(); k++) {
                    assertEquals(Double.doubleToLongBits(want.get(i).data[k]),
                            Double.doubleToLongBits(got.get(i).data[k]),
                            names[i] + ", element " + k);
                }
            }
        } finally {
            Products.setThreads(before);
        }
    }
}
