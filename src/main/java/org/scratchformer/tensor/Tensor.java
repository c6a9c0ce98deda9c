package org.scratchformer.tensor;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A matrix in the graph (rows x cols, an EJML {@code DMatrixRMaj}): its
 * value, its gradient, and the {@link Op} and inputs that made it. A leaf
 * has no op: a {@link #variable} collects a gradient, a {@link #constant}
 * none.
 */
public final class Tensor {
    // tag::fields[]
    private final DMatrixRMaj value;  // (rows, cols)
    private DMatrixRMaj grad;         // dL/dvalue, same shape, made on use
    private final Op op;              // null for a leaf
    private final List<Tensor> inputs;
    private final boolean requiresGrad;
    // end::fields[]

    Tensor(DMatrixRMaj value, Op op, List<Tensor> inputs,
            boolean requiresGrad) {
        this.value = value;
        this.op = op;
        this.inputs = inputs;
        this.requiresGrad = requiresGrad;
    }

    // tag::leaves[]
    /** A leaf that collects a gradient; the tensor owns {@code value}. */
    public static Tensor variable(DMatrixRMaj value) {
        return new Tensor(value, null, List.of(), true);
    }

    /** A leaf that collects no gradient (data, masks, indices). */
    public static Tensor constant(DMatrixRMaj value) {
        return new Tensor(value, null, List.of(), false);
    }
    // end::leaves[]

    /** Leaves from rows of numbers, as {@code {{1, 2}, {3, 4}}}. */
    public static Tensor variable(double[][] rows) {
        return variable(new DMatrixRMaj(rows));
    }

    public static Tensor constant(double[][] rows) {
        return constant(new DMatrixRMaj(rows));
    }

    public int rows() {
        return value.numRows;
    }

    public int cols() {
        return value.numCols;
    }

    /** The shape as errors print it, e.g. {@code (2x3)}. */
    public String shape() {
        return Shapes.of(value);
    }

    /** The value; callers must not modify it. */
    public DMatrixRMaj value() {
        return value;
    }

    public double get(int row, int col) {
        return value.get(row, col);
    }

    /** The single element of a 1x1 tensor. */
    public double item() {
        if (value.getNumElements() != 1) {
            throw new IllegalStateException("item() needs a 1x1 tensor, got "
                    + shape());
        }
        return value.get(0);
    }

    /** dL/dvalue after {@link #backward()}; zeros before. */
    public DMatrixRMaj grad() {
        if (grad == null) {
            grad = new DMatrixRMaj(value.numRows, value.numCols);
        }
        return grad;
    }

    /** Whether a gradient was received (or made by {@link #grad}). */
    public boolean hasGrad() {
        return grad != null;
    }

    /** Forgets the gradient: the next {@link #grad} starts from zeros. */
    public void clearGrad() {
        grad = null;
    }

    /** Makes {@code g}, nowhere else held, the first gradient: no copy. */
    public void keepGrad(DMatrixRMaj g) {
        if (grad != null || !Shapes.same(g, value)) {
            throw new IllegalStateException("keepGrad: " + this + " " + (grad
                    != null ? "has a gradient already" : "cannot keep a"
                    + " gradient of shape " + Shapes.of(g)));
        }
        grad = g;
    }

    // tag::zero-grad[]
    /** Sets the gradient to zero; the graph is untouched. */
    public void zeroGrad() {
        if (grad != null) {
            grad.zero();
        }
    }
    // end::zero-grad[]

    public boolean requiresGrad() {
        return requiresGrad;
    }

    public boolean isLeaf() {
        return op == null;
    }

    /** The op that made this tensor, or null for a leaf. */
    public Op op() {
        return op;
    }

    /** The tensors this one was made from; empty for a leaf. */
    public List<Tensor> inputs() {
        return inputs;
    }

    /** Backpropagates from this 1x1 tensor with dL/dL = 1. */
    public void backward() {
        if (value.getNumElements() != 1) {
            throw new IllegalStateException("backward() without dY needs a"
                    + " 1x1 output, got " + shape()
                    + "; pass dY of that shape to backward(dY)");
        }
        backward(new DMatrixRMaj(1, 1, true, 1.0));
    }

    /** Backpropagates dL/dthis = {@code dY} through the graph. */
    public void backward(DMatrixRMaj dY) {
        Engine.backward(this, dY);
    }

    @Override
    public String toString() {
        return "Tensor" + shape() + (op == null ? "" : " from " + op.name());
    }
}
