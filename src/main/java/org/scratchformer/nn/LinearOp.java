package org.scratchformer.nn;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Op;
import org.scratchformer.tensor.Products;
import org.scratchformer.tensor.Shapes;

/**
 * A fully connected layer's forward in one op: the product and the bias.
 * PyTorch: addmm. {@link LinearReluOp} adds ReLU in the same pass.
 *
 * <pre>
 * Y (N, out) = X (N, in) · W (in, out) + 1·b,   b (1, out)
 * dX = dY·Wᵀ,  dW = Xᵀ·dY,  db = 1ᵀ·dY
 * </pre>
 *
 * <p>The same numbers, to the last bit, as matmul then add_row (a test
 * holds it to them), with fewer matrices: the product is written into Y
 * and the bias added in place, where the two ops would each make a new
 * (N, out) matrix, and backward reads dY where add_row would hand on a
 * copy of it. Chapter 13 measures why that matters.
 */
public class LinearOp implements Op {
    /** The op; it holds no configuration. */
    public static final LinearOp LINEAR = new LinearOp();
    private static volatile WeightGradient weightGradient =
            WeightGradient.PLAIN;

    LinearOp() {
    }

    /** How dW = Xᵀ·dZ is made: PLAIN unless another is used. */
    public static WeightGradient weightGradient() {
        return weightGradient;
    }

    /**
     * Makes {@code faster} the maker of every dW from now on; it must give
     * {@link WeightGradient#PLAIN}'s bits.
     */
    public static void use(WeightGradient faster) {
        if (faster == null) {
            throw new IllegalArgumentException("LinearOp.use: the weight"
                    + " gradient must not be null; WeightGradient.PLAIN is"
                    + " the plain one");
        }
        weightGradient = faster;
    }

    @Override
    public String name() {
        return "linear";
    }

    // tag::forward[]
    @Override
    public DMatrixRMaj forward(List<DMatrixRMaj> inputs) {
        return affine(name(), inputs, false);  // X·W + 1·b
    }
    // end::forward[]

    // tag::backward[]
    @Override
    public Grads backward(List<DMatrixRMaj> inputs, DMatrixRMaj y,
            DMatrixRMaj dY) {
        return gradients(inputs, dY);  // dX, dW, db from dY
    }
    // end::backward[]

    // tag::affine[]
    /** X·W + 1·b, and max(0, ·) of it if {@code relu}, in one pass. */
    static DMatrixRMaj affine(String op, List<DMatrixRMaj> inputs,
            boolean relu) {
        checkShapes(op, inputs);
        DMatrixRMaj x = inputs.get(0);     // (N, in)
        DMatrixRMaj w = inputs.get(1);     // (in, out)
        DMatrixRMaj b = inputs.get(2);     // (1, out)
        DMatrixRMaj y = Products.mult(x, w);  // (N, out) = X·W
        int cols = y.numCols;
        for (int n = 0; n < y.numRows; n++) {
            for (int c = 0; c < cols; c++) {
                double z = y.data[n * cols + c] + b.data[c];  // + 1·b
                y.data[n * cols + c] = relu ? Math.max(0, z) : z;
            }
        }
        return y;
    }

    /** dX = dZ·Wᵀ, dW = Xᵀ·dZ, db = 1ᵀ·dZ, for Z = X·W + 1·b. */
    static Grads gradients(List<DMatrixRMaj> inputs, DMatrixRMaj dZ) {
        DMatrixRMaj x = inputs.get(0);
        DMatrixRMaj w = inputs.get(1);
        int cols = dZ.numCols;
        DMatrixRMaj dX = Products.multTransB(dZ, w);  // (N, in)
        DMatrixRMaj db = new DMatrixRMaj(1, cols);    // (1, out)
        for (int n = 0; n < dZ.numRows; n++) {
            for (int c = 0; c < cols; c++) {
                db.data[c] += dZ.data[n * cols + c];  // each column top down
            }
        }
        DMatrixRMaj dW = weightGradient.of(x, dZ);    // (in, out) = Xᵀ·dZ
        return new Grads(dX, dW, db);
    }
    // end::affine[]

    private static void checkShapes(String op, List<DMatrixRMaj> inputs) {
        if (inputs.size() != 3) {
            throw new IllegalArgumentException(op + " takes X, W and b, got "
                    + inputs.size() + " inputs");
        }
        DMatrixRMaj x = inputs.get(0);
        DMatrixRMaj w = inputs.get(1);
        DMatrixRMaj b = inputs.get(2);
        if (x.numCols != w.numRows || b.numRows != 1
                || b.numCols != w.numCols) {
            throw new IllegalArgumentException(op + ": X " + Shapes.of(x)
                    + ", W " + Shapes.of(w) + ", b " + Shapes.of(b)
                    + " do not fit; X (N, in), W (in, out) and b (1, out)"
                    + " are needed");
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
