package org.scratchformer.tensor;

import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Reverse-mode automatic differentiation: {@link #apply} runs an op forward
 * and records it; {@link #backward} walks the graph from the output back to
 * the leaves. Ops return gradients; only the engine adds them up, so a
 * tensor used twice receives both contributions.
 */
public final class Engine {
    private static volatile GradientAccumulator accumulator =
            GradientAccumulator.PLAIN;

    private Engine() {
    }

    /** The way every gradient is added: PLAIN unless another is used. */
    public static GradientAccumulator accumulator() {
        return accumulator;
    }

    /** Adds every gradient with {@code faster}: PLAIN's numbers, faster. */
    public static void use(GradientAccumulator faster) {
        if (faster == null) {
            throw new IllegalArgumentException("Engine.use: the accumulator"
                    + " must not be null; GradientAccumulator.PLAIN is the"
                    + " plain one");
        }
        accumulator = faster;
    }

    // tag::apply[]
    static Tensor apply(Op op, Tensor... inputs) {
        List<DMatrixRMaj> x = Stream.of(inputs).map(Tensor::value).toList();
        boolean anyNeedsGrad = Stream.of(inputs).anyMatch(
                Tensor::requiresGrad);
        DMatrixRMaj y = op.forward(x);
        if (!anyNeedsGrad || !NoGrad.isGradEnabled()) {
            return Tensor.constant(y);  // nothing to differentiate
        }
        return new Tensor(y, op, List.of(inputs), true);
    }
    // end::apply[]

    /**
     * Backpropagates {@code dY} from {@code root}. A second call gives the
     * leaves a second copy of their gradient (as PyTorch with {@code
     * retain_graph=True}); intermediate gradients hold one pass's.
     */
    // tag::backward[]
    static void backward(Tensor root, DMatrixRMaj dY) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("backward: the output "
                    + root.shape() + " has no graph: it was made from"
                    + " constants only or inside a NoGrad scope");
        }
        if (!Shapes.same(root.value(), dY)) {
            throw new IllegalArgumentException("backward: dY " + Shapes.of(dY)
                    + " must have the output's shape " + root.shape());
        }
        List<Tensor> order = Graph.topologicalOrder(root);  // inputs first
        for (Tensor t : order) {
            if (!t.isLeaf()) {
                t.clearGrad();  // intermediate grads hold this pass only
            }
        }
        CommonOps_DDRM.addEquals(root.grad(), dY);  // dL/droot += dY
        for (int i = order.size() - 1; i >= 0; i--) {  // outputs first
            Tensor t = order.get(i);
            if (!t.isLeaf() && t.hasGrad()) {  // none: nothing reached it
                propagate(t);
            }
        }
    }
    // end::backward[]

    // tag::propagate[]
    private static void propagate(Tensor t) {
        List<Tensor> inputs = t.inputs();
        List<DMatrixRMaj> x = inputs.stream().map(Tensor::value).toList();
        Grads grads = t.op().backward(x, t.value(), t.grad());
        GradShapes.check(t.op(), inputs, grads);
        for (int i = 0; i < inputs.size(); i++) {
            Tensor input = inputs.get(i);
            if (grads.has(i) && input.requiresGrad()) {
                // +=, never =: the input may feed several ops
                accumulator.add(t, grads, i);
            }
        }
    }
    // end::propagate[]
}
