package org.scratchformer.optim;

import java.util.Map;
import org.scratchformer.nn.Parameter;

/**
 * Adam, with weight decay coupled to the gradient (L2 regularization).
 * PyTorch: torch.optim.Adam without amsgrad.
 *
 * <pre>
 * g = grad + wd·p
 * m, v, m̂, v̂ from g as in {@link AdamMoments}
 * p = p − lr·m̂ / (√v̂ + ε)
 * </pre>
 *
 * <p>The decay passes through v̂ like any gradient, so a weight with large
 * gradients is decayed less: what {@link AdamW} fixes.
 */
public final class Adam extends AdamFamily {
    /** β₁ = 0.9, β₂ = 0.999, ε = 1e-8, no weight decay (PyTorch's). */
    public Adam(Map<String, Parameter> parameters, double learningRate) {
        this(parameters, learningRate, 0.9, 0.999, 1e-8, 0);
    }

    /**
     * @param beta1       β₁ in [0, 1), the first moment's decay
     * @param beta2       β₂ in [0, 1), the second moment's decay
     * @param eps         ε &gt; 0, keeps the division finite
     * @param weightDecay wd ≥ 0, added to the gradient as wd·p
     */
    public Adam(Map<String, Parameter> parameters, double learningRate,
            double beta1, double beta2, double eps, double weightDecay) {
        super("Adam", parameters, learningRate, beta1, beta2, eps,
                weightDecay);
    }

    // tag::update[]
    @Override
    void update(String parameterName, Parameter p) {
        // g = grad + wd·p;  p = p − lr·m̂ / (√v̂ + ε)
        moments.step(parameterName, p.value(), p.grad(), weightDecay, 1,
                learningRate(), stepCount());
    }
    // end::update[]
}
