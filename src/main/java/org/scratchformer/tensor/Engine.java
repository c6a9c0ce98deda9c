package org.scratchformer.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Reverse-mode automatic differentiation over tensors.
 *
 * <p>{@link #apply} runs an op forward and records it; {@link #backward}
 * walks the recorded graph from the output back to the leaves. Ops return
 * gradients; only this class adds them up, so a tensor used twice receives
 * both contributions.
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

    /**
     * Makes {@code faster} the way every gradient is added from now on; it
     * must give the numbers {@link GradientAccumulator#PLAIN} gives.
     */
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
        List<DMatrixRMaj> x = new ArrayList<>(inputs.length);
        boolean anyNeedsGrad = false;
        for (Tensor input : inputs) {
            x.add(input.value());
            anyNeedsGrad |= input.requiresGrad();
        }
        DMatrixRMaj y = op.forward(x);
        if (!anyNeedsGrad || !NoGrad.isGradEnabled()) {
            return Tensor.constant(y);  // nothing to differentiate
        }
        return new Tensor(y, op, List.of(inputs), true);
    }
    // end::apply[]

    /**
     * Backpropagates {@code dY} from {@code root}.
     *
     * <p>Calling it twice is defined: the gradients of intermediate tensors
     * are reset at the start of every call, and the leaves receive one more
     * copy of their gradient each time (twice the gradient after two calls,
     * as PyTorch with {@code retain_graph=True}). Call {@code zeroGrad} on
     * the leaves between steps.
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
        List<Tensor> order = topologicalOrder(root);  // inputs first
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
        List<DMatrixRMaj> x = new ArrayList<>(inputs.size());
        for (Tensor input : inputs) {
            x.add(input.value());
        }
        Grads grads = t.op().backward(x, t.value(), t.grad());
        checkGrads(t.op(), inputs, grads);
        for (int i = 0; i < inputs.size(); i++) {
            Tensor input = inputs.get(i);
            if (grads.has(i) && input.requiresGrad()) {
                // +=, never =: the input may feed several ops
                accumulator.add(t, grads, i);
            }
        }
    }
    // end::propagate[]

    // tag::check-grads[]
    private static void checkGrads(Op op, List<Tensor> inputs, Grads grads) {
        if (grads.size() != inputs.size()) {
            throw new IllegalStateException(op.name() + ": backward must"
                    + " return one gradient per input (" + inputs.size()
                    + "), returned " + grads.size());
        }
        for (int i = 0; i < inputs.size(); i++) {
            DMatrixRMaj x = inputs.get(i).value();
            if (grads.has(i) && !grads.isBlock()
                    && !Shapes.same(grads.get(i), x)) {
                throw new IllegalStateException(op.name() + ": backward"
                        + " returned a gradient of shape "
                        + Shapes.of(grads.get(i))
                        + " for input " + i + " of shape "
                        + inputs.get(i).shape());
            }
            if (grads.has(i) && grads.isBlock()) {
                checkBlock(op, inputs, grads, i);
            }
        }
    }
    // end::check-grads[]

    // tag::ch08-check-block[]
    private static void checkBlock(Op op, List<Tensor> inputs, Grads grads,
            int i) {
        DMatrixRMaj g = grads.get(i);
        DMatrixRMaj x = inputs.get(i).value();
        if (inputs.size() != 1 || grads.blockRow() + g.numRows > x.numRows
                || grads.blockCol() + g.numCols > x.numCols) {
            throw new IllegalStateException(op.name() + ": backward"
                    + " returned a block " + Shapes.of(g) + " at ("
                    + grads.blockRow() + ", " + grads.blockCol() + ") that"
                    + " does not fit its only input " + Shapes.of(x));
        }
    }
    // end::ch08-check-block[]

    /**
     * Every tensor that {@code root} depends on, each after all of its
     * inputs. Depth-first with an explicit stack: a chain of a million ops
     * does not overflow the call stack.
     */
    // tag::topo-sort[]
    public static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(
                new IdentityHashMap<>());  // identity, not equals
        // each frame: a tensor and the inputs it has yet to visit
        Deque<Map.Entry<Tensor, Iterator<Tensor>>> stack = new ArrayDeque<>();
        visited.add(root);
        stack.push(Map.entry(root, root.inputs().iterator()));
        while (!stack.isEmpty()) {
            Map.Entry<Tensor, Iterator<Tensor>> frame = stack.peek();
            Iterator<Tensor> pending = frame.getValue();
            if (pending.hasNext()) {
                Tensor input = pending.next();
                if (visited.add(input)) {
                    stack.push(Map.entry(input, input.inputs().iterator()));
                }
            } else {
                stack.pop();
                order.add(frame.getKey());  // all its inputs are in order
            }
        }
        return order;
    }
    // end::topo-sort[]

    /** Sets the gradient of every tensor in {@code root}'s graph to zero. */
    // tag::zero-grad-graph[]
    public static void zeroGrad(Tensor root) {
        for (Tensor t : topologicalOrder(root)) {
            t.zeroGrad();
        }
    }
    // end::zero-grad-graph[]
}
