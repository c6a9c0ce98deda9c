package org.scratchformer.optim;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.nn.Parameter;

/**
 * What Adam and AdamW share: β₁, β₂ and ε checked once, the moments
 * ({@link AdamMoments}), the weight decay, and the state a checkpoint
 * saves. They differ only in where the decay goes: their {@code update}.
 */
abstract class AdamFamily extends Optimizer {
    final double weightDecay;
    final AdamMoments moments;

    AdamFamily(String name, Map<String, Parameter> parameters,
            double learningRate, double beta1, double beta2, double eps,
            double weightDecay) {
        super(name, parameters, learningRate);
        requireUnitInterval("beta1", beta1);
        requireUnitInterval("beta2", beta2);
        requirePositive("eps", eps);
        requireNonNegative("weight decay", weightDecay);
        this.weightDecay = weightDecay;
        this.moments = new AdamMoments(parameters(), beta1, beta2, eps);
    }

    @Override
    final Map<String, DMatrixRMaj> buffers() {
        return moments.buffers(parameters());
    }
}
