package org.scratchformer.nn;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.Shapes;
import org.scratchformer.tensor.Tensor;

/**
 * A trainable matrix: one long-lived leaf tensor that every forward pass
 * uses, so a parameter used twice in a graph collects both gradients.
 *
 * <p>Its value changes in two ways, both between backward passes and both
 * in place, so whoever holds {@link #value()} sees the change: an optimizer
 * updates it, and {@link #set(DMatrixRMaj)} copies given values in (weights
 * from elsewhere; {@link Module#load} sets a whole model by name). Writing
 * into {@code value()} directly skips set's shape and value checks.
 */
public final class Parameter {
    private final Tensor own;
    private Tensor tensor;

    /** A parameter that owns {@code value}. */
    public Parameter(DMatrixRMaj value) {
        this.own = Tensor.variable(value);
        this.tensor = own;
    }

    /** The leaf to use in a forward pass. */
    public Tensor tensor() {
        return tensor;
    }

    /** The current value; optimizers update it in place. */
    public DMatrixRMaj value() {
        return tensor.value();
    }

    // tag::ch10-set[]
    /**
     * Copies {@code value} into this parameter's own matrix, which stays
     * the one that {@link #value()} returns. The shapes must be equal and
     * every element finite; otherwise nothing changes and the exception
     * names both shapes or the element.
     */
    public void set(DMatrixRMaj value) {
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException("parameter " + Shapes.of(
                    rows(), cols()) + " cannot be set: " + problem);
        }
        own.value().setTo(value);  // copies; value stays the caller's
    }
    // end::ch10-set[]

    /** Copies rows of numbers into this parameter, as {@link #set}. */
    public void set(double[][] rows) {
        set(matrix(rows));
    }

    /**
     * Why {@code value} cannot be copied into this parameter, or null if
     * it can: null, another shape, or an element that is NaN or infinite.
     */
    String problemWith(DMatrixRMaj value) {
        if (value == null) {
            return "the given matrix is null";
        }
        if (value.numRows != rows() || value.numCols != cols()) {
            return "the given matrix is " + Shapes.of(value)
                    + ", the parameter " + Shapes.of(rows(), cols());
        }
        for (int i = 0; i < value.numRows; i++) {
            for (int j = 0; j < value.numCols; j++) {
                if (!Double.isFinite(value.get(i, j))) {
                    return "element (" + i + "," + j + ") is "
                            + value.get(i, j) + "; values must be finite";
                }
            }
        }
        return null;
    }

    /** A matrix from rows of numbers; null, empty or ragged rows refused. */
    static DMatrixRMaj matrix(double[][] rows) {
        if (rows == null || rows.length == 0 || rows[0] == null
                || rows[0].length == 0) {
            throw new IllegalArgumentException("rows of numbers must be"
                    + " non-empty, got " + (rows == null ? "null"
                            : rows.length == 0 ? "no rows" : "an empty"
                            + " first row"));
        }
        for (int i = 1; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != rows[0].length) {
                throw new IllegalArgumentException("rows of numbers must"
                        + " all have " + rows[0].length + " columns (as row"
                        + " 0), row " + i + " has " + (rows[i] == null
                                ? "none (null)" : rows[i].length));
            }
        }
        return new DMatrixRMaj(rows);
    }

    /** dL/dvalue, accumulated since the last {@link #zeroGrad()}. */
    public DMatrixRMaj grad() {
        return tensor.grad();
    }

    public void zeroGrad() {
        tensor.zeroGrad();
    }

    public int rows() {
        return tensor.rows();
    }

    public int cols() {
        return tensor.cols();
    }

    /** How many numbers it holds. */
    public int size() {
        return tensor.rows() * tensor.cols();
    }

    /**
     * Uses {@code leaf} in place of this parameter's tensor until the
     * returned scope closes: how a gradient check of a whole module gets its
     * own leaves into the module's forward pass ({@link ModuleCheck}).
     * Scopes must close in the reverse order of opening, as
     * try-with-resources does.
     */
    public Substitution substitute(Tensor leaf) {
        if (leaf.rows() != rows() || leaf.cols() != cols()) {
            throw new IllegalArgumentException("parameter " + Shapes.of(
                    rows(), cols()) + " cannot be replaced by a tensor "
                    + leaf.shape());
        }
        Tensor saved = tensor;
        tensor = leaf;
        return () -> tensor = saved;
    }

    /** A scope that puts the parameter's own tensor back when it closes. */
    public interface Substitution extends AutoCloseable {
        /** Restores the tensor the parameter had before; throws nothing. */
        @Override
        void close();
    }

    @Override
    public String toString() {
        return "Parameter" + Shapes.of(rows(), cols());
    }
}
