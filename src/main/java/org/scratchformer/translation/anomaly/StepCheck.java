package org.scratchformer.translation.anomaly;

import java.util.Map;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.nn.Parameter;
import org.scratchformer.tensor.NonFiniteException;
import org.scratchformer.tensor.Tensor;

/**
 * What a training step checks before it updates the weights, always: an
 * update computed from a NaN or an infinity would put it into every
 * weight, and every later step would compute nothing. Cheap next to a
 * step: one pass over the gradients.
 */
public final class StepCheck {
    /** What the messages suggest when anomaly mode is off. */
    static final String HINT = "; anomaly mode (train --detect-anomaly)"
            + " names the op where it first appears";

    private StepCheck() {
    }

    // tag::require-finite[]
    /**
     * After backward, before the update: throws a {@link
     * NonFiniteException} if the loss or a parameter's gradient is NaN or
     * infinite. In anomaly mode the forward pass is walked first, and the
     * message names where the fault began.
     */
    public static void requireFinite(Tensor loss,
            Map<String, Parameter> parameters) {
        if (AnomalyMode.isOn()) {
            Optional<String> fault = ForwardCheck.firstFault(loss,
                    parameters);
            if (fault.isPresent()) {
                throw new NonFiniteException(fault.get());
            }
        }
        double value = loss.item();
        if (!Double.isFinite(value)) {
            throw new NonFiniteException("the loss is " + value + hint());
        }
        for (Map.Entry<String, Parameter> p : parameters.entrySet()) {
            Tensor w = p.getValue().tensor();
            if (w.hasGrad() && !Culprits.allFinite(w.grad())) {
                throw new NonFiniteException("the gradient of " + p.getKey()
                        + " " + w.shape() + " holds "
                        + Culprits.firstNonFinite(w.grad()) + hint());
            }
        }
    }
    // end::require-finite[]

    /**
     * The first parameter whose value is NaN or infinite, described, as in
     * "the parameter source_embedding.weight (13x64) holds NaN at (3, 5)".
     */
    public static Optional<String> firstNonFiniteWeight(
            Map<String, Parameter> parameters) {
        for (Map.Entry<String, Parameter> p : parameters.entrySet()) {
            DMatrixRMaj w = p.getValue().value();
            if (!Culprits.allFinite(w)) {
                return Optional.of("the parameter " + p.getKey() + " ("
                        + w.numRows + "x" + w.numCols + ") holds "
                        + Culprits.firstNonFinite(w));
            }
        }
        return Optional.empty();
    }

    private static String hint() {
        return AnomalyMode.isOn() ? "" : HINT;
    }
}
