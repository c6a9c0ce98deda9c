package org.scratchformer.nn;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.tensor.Shapes;

/**
 * The named schemes that give parameters their first values. Each draws
 * from the {@link Random} it is given, element by element in row-major
 * order, so the same seed gives the same bits.
 */
public final class Init {
    private Init() {
    }

    // tag::xavier[]
    /**
     * Xavier (Glorot) uniform, for a weight W (fanIn, fanOut) in
     * Y = X·W. PyTorch: nn.init.xavier_uniform_.
     *
     * <pre>
     * W ~ U(−a, a),  a = √(6 / (fanIn + fanOut))
     * Var(W) = a²/3 = 2 / (fanIn + fanOut)
     * </pre>
     */
    public static DMatrixRMaj xavierUniform(int fanIn, int fanOut,
            Random random) {
        requireShape("xavierUniform", fanIn, fanOut);
        double a = Math.sqrt(6.0 / (fanIn + fanOut));
        DMatrixRMaj w = new DMatrixRMaj(fanIn, fanOut);  // (in, out)
        for (int k = 0; k < w.getNumElements(); k++) {
            w.set(k, a * (2 * random.nextDouble() - 1));  // U(−a, a)
        }
        return w;
    }
    // end::xavier[]

    /**
     * Normal with mean 0 and standard deviation {@code std}: W ~ N(0, std²).
     * PyTorch: nn.init.normal_; nn.Embedding starts from N(0, 1).
     */
    public static DMatrixRMaj normal(int rows, int cols, double std,
            Random random) {
        requireShape("normal", rows, cols);
        if (!(std > 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("normal: the standard"
                    + " deviation must be positive and finite, got " + std);
        }
        DMatrixRMaj w = new DMatrixRMaj(rows, cols);  // (rows, cols)
        for (int k = 0; k < w.getNumElements(); k++) {
            w.set(k, std * random.nextGaussian());
        }
        return w;
    }

    /** All zeros: a bias starts at 0. */
    public static DMatrixRMaj zeros(int rows, int cols) {
        requireShape("zeros", rows, cols);
        return new DMatrixRMaj(rows, cols);  // (rows, cols)
    }

    /** All ones: a gain starts at 1. */
    public static DMatrixRMaj ones(int rows, int cols) {
        requireShape("ones", rows, cols);
        DMatrixRMaj w = new DMatrixRMaj(rows, cols);  // (rows, cols)
        CommonOps_DDRM.fill(w, 1.0);
        return w;
    }

    private static void requireShape(String scheme, int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException(scheme + ": a parameter needs"
                    + " at least one row and one column, got "
                    + Shapes.of(rows, cols));
        }
    }
}
