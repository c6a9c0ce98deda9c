package org.scratchformer.optim;

import java.util.Map;
import org.scratchformer.nn.Parameter;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter). PyTorch:
 * torch.optim.AdamW without amsgrad.
 *
 * <pre>
 * p = p − lr·wd·p                      the decay, outside the moments
 * m, v, m̂, v̂ from grad as in {@link AdamMoments}
 * p = p − lr·m̂ / (√v̂ + ε)
 * </pre>
 *
 * <p>Every weight shrinks by the same factor 1 − lr·wd per step, however
 * large its gradients are.
 */
public final class AdamW extends AdamFamily {
    /** β₁ = 0.9, β₂ = 0.999, ε = 1e-8, weight decay 0.01 (PyTorch's). */
    public AdamW(Map<String, Parameter> parameters, double learningRate) {
        this(parameters, learningRate, 0.9, 0.999, 1e-8, 0.01);
    }

    /**
     * @param beta1       β₁ in [0, 1), the first moment's decay
     * @param beta2       β₂ in [0, 1), the second moment's decay
     * @param eps         ε &gt; 0, keeps the division finite
     * @param weightDecay wd ≥ 0, the fraction lr·wd taken off p each step
     */
    public AdamW(Map<String, Parameter> parameters, double learningRate,
            double beta1, double beta2, double eps, double weightDecay) {
        super("AdamW", parameters, learningRate, beta1, beta2, eps,
                weightDecay);
    }

    // tag::update[]
    @Override
    void update(String parameterName, Parameter p) {
        // p = (1 − lr·wd)·p − lr·m̂ / (√v̂ + ε), with m and v from grad alone
        moments.step(parameterName, p.value(), p.grad(), 0,
                1 - learningRate() * weightDecay, learningRate(),
                stepCount());
    }
    // end::update[]
}
