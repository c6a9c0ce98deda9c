package org.scratchformer.optim;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.nn.Parameter;

/**
 * Adam's running moments of the gradient, per parameter, and the direction
 * they give. Adam and AdamW share it; they differ only in weight decay.
 *
 * <pre>
 * m = β₁·m + (1 − β₁)·g          first moment (mean), m₀ = 0
 * v = β₂·v + (1 − β₂)·g²         second moment (uncentred variance), v₀ = 0
 * m̂ = m / (1 − β₁ᵗ)              bias correction: undo the pull to 0
 * v̂ = v / (1 − β₂ᵗ)
 * direction = m̂ / (√v̂ + ε)
 * </pre>
 */
final class AdamMoments {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final Map<String, DMatrixRMaj> first = new HashMap<>();  // m
    private final Map<String, DMatrixRMaj> second = new HashMap<>(); // v

    /** m₀ = v₀ = 0 for each of {@code parameters}. */
    AdamMoments(Map<String, Parameter> parameters, double beta1,
            double beta2, double eps) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        parameters.forEach((name, p) -> {
            first.put(name, new DMatrixRMaj(p.rows(), p.cols()));
            second.put(name, new DMatrixRMaj(p.rows(), p.cols()));
        });
    }

    /** m and v of every parameter, live, as {@code m.NAME}, {@code v.NAME}. */
    Map<String, DMatrixRMaj> buffers(Map<String, Parameter> parameters) {
        Map<String, DMatrixRMaj> all = new LinkedHashMap<>();
        parameters.forEach((name, p) -> {
            all.put("m." + name, first.get(name));
            all.put("v." + name, second.get(name));
        });
        return all;
    }

    // tag::direction[]
    /**
     * One step of one parameter p, in a single pass over its elements and
     * with no temporary matrix: for each element,
     * <pre>
     * g = grad + coupledDecay·p        Adam's L2 decay (AdamW: 0)
     * m = β₁·m + (1 − β₁)·g,  v = β₂·v + (1 − β₂)·g²
     * p = keep·p − rate·m̂ / (√v̂ + ε)   keep = 1 − rate·wd for AdamW's
     *                                  decoupled decay (Adam: 1)
     * </pre>
     */
    void step(String parameterName, DMatrixRMaj p, DMatrixRMaj grad,
            double coupledDecay, double keep, double rate, int t) {
        DMatrixRMaj m = first.get(parameterName);
        DMatrixRMaj v = second.get(parameterName);
        double correction1 = 1 - Math.pow(beta1, t);  // 1 − β₁ᵗ
        double correction2 = 1 - Math.pow(beta2, t);  // 1 − β₂ᵗ
        double[] pd = p.data;
        double[] gd = grad.data;
        double[] md = m.data;
        double[] vd = v.data;
        for (int i = 0; i < p.getNumElements(); i++) {
            double g = gd[i] + coupledDecay * pd[i];
            md[i] = beta1 * md[i] + (1 - beta1) * g;
            vd[i] = beta2 * vd[i] + (1 - beta2) * g * g;
            double mHat = md[i] / correction1;
            double vHat = vd[i] / correction2;
            pd[i] = keep * pd[i] - rate * (mHat / (Math.sqrt(vHat) + eps));
        }
    }
    // end::direction[]
}
