package org.scratchformer.optim;

import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.nn.Parameter;

/**
 * Rescales all gradients together when their joint norm is too large.
 * PyTorch: torch.nn.utils.clip_grad_norm_ with the 2-norm.
 */
public final class GradientClipping {
    /** Keeps the coefficient finite when every gradient is zero. */
    static final double EPSILON = 1e-6;

    private GradientClipping() {
    }

    // tag::clip[]
    /**
     * Scales every gradient by maxNorm / (norm + 1e-6) when that is below 1;
     * returns the norm before clipping.
     *
     * <pre>
     * norm = √(Σ over parameters Σᵢ gradᵢ²)
     * c    = maxNorm / (norm + 1e-6)
     * grad = c·grad   for every parameter, only when c is below 1
     * </pre>
     */
    public static double clipByGlobalNorm(Map<String, Parameter> parameters,
            double maxNorm) {
        return clipByGlobalNorm(parameters, maxNorm, ParameterLoop.IN_ORDER);
    }

    /** {@link #clipByGlobalNorm}, its loops over parameters run by loop. */
    public static double clipByGlobalNorm(Map<String, Parameter> parameters,
            double maxNorm, ParameterLoop loop) {
        if (!(maxNorm > 0) || !Double.isFinite(maxNorm)) {
            throw new IllegalArgumentException("clipByGlobalNorm: maxNorm"
                    + " must be a positive finite number, got " + maxNorm);
        }
        Map<String, Parameter> once =  // a tied weight counts once
                Optimizer.withoutRepeats(parameters);
        List<String> names = List.copyOf(once.keySet());
        List<Parameter> distinct = List.copyOf(once.values());
        if (distinct.isEmpty()) {
            return 0;  // no gradients: their norm is 0, nothing to scale
        }
        double[] sums = new double[distinct.size()];  // Σᵢ gradᵢ² of each
        loop.run(distinct.size(), i -> sums[i] = squaredNorm(
                names.get(i), distinct.get(i).grad()));
        double squares = 0;
        for (double sum : sums) {  // added in parameter order
            squares += sum;
        }
        double norm = Math.sqrt(squares);
        double coefficient = maxNorm / (norm + EPSILON);
        if (coefficient < 1) {
            loop.run(distinct.size(), i -> CommonOps_DDRM.scale(
                    coefficient, distinct.get(i).grad()));
        }
        return norm;
    }
    // end::clip[]

    private static double squaredNorm(String name, DMatrixRMaj grad) {
        double squares = 0;
        for (int i = 0; i < grad.getNumElements(); i++) {
            double g = grad.get(i);
            if (!Double.isFinite(g)) {
                throw new IllegalArgumentException("clipByGlobalNorm: the"
                        + " gradient of " + name + " holds " + g
                        + " at element " + i + "; a norm of non-finite"
                        + " gradients cannot be clipped");
            }
            squares += g * g;
        }
        return squares;
    }
}
