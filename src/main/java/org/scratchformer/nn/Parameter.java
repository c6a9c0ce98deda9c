package org.scratchformer.nn;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.Shapes;
import org.scratchformer.tensor.Tensor;

/**
 * A trainable matrix: one long-lived leaf tensor that every forward pass
 * uses, so a parameter used twice in a graph collects both gradients.
 *
 * <p>Only an optimizer (or a checkpoint loader) changes {@link #value()} in
 * place, between backward passes.
 */
public final class Parameter {
    private Tensor tensor;

    /** A parameter that owns {@code value}. */
    public Parameter(DMatrixRMaj value) {
        this.tensor = Tensor.variable(value);
    }

    /** The leaf to use in a forward pass. */
    public Tensor tensor() {
        return tensor;
    }

    /** The current value; optimizers update it in place. */
    public DMatrixRMaj value() {
        return tensor.value();
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
