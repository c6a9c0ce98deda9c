package org.scratchformer.fast;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.GradientAccumulator;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Tensor;

/**
 * The engine's accumulator of the fast program: the first gradient a
 * tensor receives is kept as it is when it is a matrix of its own, not
 * added to a new matrix of zeros. 0 + g = g, so the numbers are
 * {@link GradientAccumulator#PLAIN}'s; what is saved is a matrix and a
 * pass over it for every tensor of the graph, every step.
 */
public final class OwnedGradients implements GradientAccumulator {
    // tag::add[]
    @Override
    public void add(Tensor output, Grads grads, int i) {
        Tensor input = output.inputs().get(i);
        if (!input.hasGrad() && !grads.isBlock() && owned(output, grads, i)) {
            input.keepGrad(grads.get(i));  // no zeros, no pass over them
        } else {
            PLAIN.add(output, grads, i);
        }
    }
    // end::add[]

    /**
     * Whether gradient i is a matrix of its own that the input may keep:
     * not dY, Y or an input's value, nor sharing its numbers with another
     * gradient of the same call. Every op of the catalogue returns new
     * matrices; an op of one's own that returns dY itself is added, not
     * kept and later corrupted.
     */
    static boolean owned(Tensor output, Grads grads, int i) {
        double[] data = grads.get(i).data;
        if (data == output.grad().data || data == output.value().data) {
            return false;
        }
        List<Tensor> inputs = output.inputs();
        for (Tensor input : inputs) {
            if (data == input.value().data) {
                return false;
            }
        }
        for (int j = 0; j < grads.size(); j++) {
            DMatrixRMaj other = grads.get(j);
            if (j != i && other != null && other.data == data) {
                return false;
            }
        }
        return true;
    }
}
