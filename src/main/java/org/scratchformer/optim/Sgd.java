package org.scratchformer.optim;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.scratchformer.nn.Parameter;

/**
 * Stochastic gradient descent with momentum and (L2) weight decay.
 * PyTorch: torch.optim.SGD with dampening 0 and no Nesterov.
 *
 * <pre>
 * g   = grad + wd·p
 * buf = μ·buf + g       (buf starts at 0: at the first step buf = g)
 * p   = p − lr·buf      (μ = 0: p = p − lr·g)
 * </pre>
 */
public final class Sgd extends Optimizer {
    private final double momentum;
    private final double weightDecay;
    private final Map<String, DMatrixRMaj> velocity = new HashMap<>();

    /** Plain gradient descent: p = p − lr·grad. */
    public Sgd(Map<String, Parameter> parameters, double learningRate) {
        this(parameters, learningRate, 0, 0);
    }

    /**
     * @param momentum    μ in [0, 1)
     * @param weightDecay wd ≥ 0, added to the gradient as wd·p
     */
    public Sgd(Map<String, Parameter> parameters, double learningRate,
            double momentum, double weightDecay) {
        super("SGD", parameters, learningRate);
        requireUnitInterval("momentum", momentum);
        requireNonNegative("weight decay", weightDecay);
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        parameters().forEach((name, p) -> velocity.put(name,
                new DMatrixRMaj(p.rows(), p.cols())));  // buf = 0
    }

    // tag::update[]
    @Override
    void update(String parameterName, Parameter p) {
        DMatrixRMaj value = p.value();  // (R, C), modified in place
        // g = grad + wd·p
        DMatrixRMaj g = CommonOps_DDRM.add(p.grad(), weightDecay, value,
                null);
        if (momentum > 0) {
            DMatrixRMaj buf = velocity.get(parameterName);
            // buf = μ·buf + g
            CommonOps_DDRM.scale(momentum, buf);
            CommonOps_DDRM.addEquals(buf, g);
            g = buf;
        }
        // p = p − lr·g
        CommonOps_DDRM.addEquals(value, -learningRate(), g);
    }
    // end::update[]

    public double momentum() {
        return momentum;
    }

    public double weightDecay() {
        return weightDecay;
    }

    @Override
    Map<String, DMatrixRMaj> buffers() {
        Map<String, DMatrixRMaj> all = new LinkedHashMap<>();
        if (momentum > 0) {
            parameters().forEach((name, p) -> all.put("velocity." + name,
                    velocity.get(name)));
        }
        return all;
    }
}
