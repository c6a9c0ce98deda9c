package org.scratchformer.scalar;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One number in a computation graph, with its gradient and a closure that
 * knows how to pass that gradient back to the numbers it was made from.
 *
 * <p>Every op makes a new value and gives it a backward closure; the
 * closure ADDS into its inputs' gradients, so a value used twice collects
 * both contributions. {@link #backward()} runs the closures from the
 * output back to the leaves.
 */
public final class Value {
    private static final Runnable LEAF = () -> { };

    // tag::fields[]
    private final double data;
    private double grad;               // dL/d(this value), set by backward()
    private final List<Value> inputs;  // what it was made from; none: a leaf
    private final String op;           // "+", "tanh", ...; "" for a leaf
    private Runnable backward = LEAF;  // adds into the inputs' grads
    // end::fields[]

    /** A leaf: a number the graph starts from. */
    public Value(double data) {
        this(data, "", List.of());
    }

    private Value(double data, String op, List<Value> inputs) {
        this.data = data;
        this.op = op;
        this.inputs = inputs;
    }

    // tag::add[]
    public Value add(Value b) {
        Value a = this;
        Value out = new Value(a.data + b.data, "+", List.of(a, b));
        // out = a + b;  ∂out/∂a = 1,  ∂out/∂b = 1
        out.backward = () -> {
            a.grad += out.grad;
            b.grad += out.grad;
        };
        return out;
    }
    // end::add[]

    public Value sub(Value b) {
        Value a = this;
        Value out = new Value(a.data - b.data, "-", List.of(a, b));
        // out = a − b;  ∂out/∂a = 1,  ∂out/∂b = −1
        out.backward = () -> {
            a.grad += out.grad;
            b.grad -= out.grad;
        };
        return out;
    }

    // tag::mul[]
    public Value mul(Value b) {
        Value a = this;
        Value out = new Value(a.data * b.data, "*", List.of(a, b));
        // out = a · b;  ∂out/∂a = b,  ∂out/∂b = a
        out.backward = () -> {
            a.grad += b.data * out.grad;
            b.grad += a.data * out.grad;
        };
        return out;
    }
    // end::mul[]

    // tag::div[]
    public Value div(Value b) {
        Value a = this;
        if (b.data == 0) {
            throw new IllegalArgumentException(
                    "div: cannot divide " + a.data + " by zero");
        }
        Value out = new Value(a.data / b.data, "/", List.of(a, b));
        // out = a / b;  ∂out/∂a = 1/b,  ∂out/∂b = −a/b²
        out.backward = () -> {
            a.grad += out.grad / b.data;
            b.grad -= a.data / (b.data * b.data) * out.grad;
        };
        return out;
    }
    // end::div[]

    public Value neg() {
        Value a = this;
        Value out = new Value(-a.data, "neg", List.of(a));
        // out = −a;  ∂out/∂a = −1
        out.backward = () -> a.grad -= out.grad;
        return out;
    }

    /** This value to a constant power {@code p}. */
    // tag::pow[]
    public Value pow(double p) {
        Value a = this;
        double result = Math.pow(a.data, p);
        if (!Double.isFinite(result)) {
            throw new IllegalArgumentException("pow: (" + a.data + ")^" + p
                    + " is " + result + ", not a finite number");
        }
        Value out = new Value(result, "^" + p, List.of(a));
        // out = aᵖ;  ∂out/∂a = p aᵖ⁻¹
        out.backward = () -> a.grad += p * Math.pow(a.data, p - 1) * out.grad;
        return out;
    }
    // end::pow[]

    // tag::exp-log[]
    public Value exp() {
        Value a = this;
        Value out = new Value(Math.exp(a.data), "exp", List.of(a));
        // out = eᵃ;  ∂out/∂a = eᵃ = out
        out.backward = () -> a.grad += out.data * out.grad;
        return out;
    }

    public Value log() {
        Value a = this;
        if (!(a.data > 0)) {
            throw new IllegalArgumentException(
                    "log: the argument must be positive, got " + a.data);
        }
        Value out = new Value(Math.log(a.data), "log", List.of(a));
        // out = ln a;  ∂out/∂a = 1/a
        out.backward = () -> a.grad += out.grad / a.data;
        return out;
    }
    // end::exp-log[]

    // tag::tanh[]
    public Value tanh() {
        Value a = this;
        Value out = new Value(Math.tanh(a.data), "tanh", List.of(a));
        // out = tanh a;  ∂out/∂a = 1 − tanh² a = 1 − out²
        out.backward = () -> a.grad += (1 - out.data * out.data) * out.grad;
        return out;
    }
    // end::tanh[]

    // tag::relu[]
    public Value relu() {
        Value a = this;
        Value out = new Value(Math.max(0, a.data), "relu", List.of(a));
        // out = max(0, a);  ∂out/∂a = 1 if a > 0, else 0 (also at the kink)
        out.backward = () -> a.grad += (a.data > 0 ? 1 : 0) * out.grad;
        return out;
    }
    // end::relu[]

    // A constant becomes a leaf of its own; its gradient is never read.

    public Value add(double b) {
        return add(new Value(b));
    }

    public Value sub(double b) {
        return sub(new Value(b));
    }

    public Value mul(double b) {
        return mul(new Value(b));
    }

    public Value div(double b) {
        return div(new Value(b));
    }

    /**
     * Backpropagates from this value, the loss L, with dL/dL = 1.
     *
     * <p>Calling it twice is defined, as in the tensor engine: the
     * gradients of non-leaf values are reset at the start of every call,
     * and the leaves receive one more copy of their gradient each time
     * (exactly twice the gradient after two calls). Call {@link #zeroGrad()}
     * between steps.
     */
    // tag::backward[]
    public void backward() {
        List<Value> order = topologicalOrder();  // inputs first
        for (Value v : order) {
            if (!v.isLeaf()) {
                v.grad = 0;  // non-leaf grads hold this pass only
            }
        }
        grad += 1;  // dL/dL
        for (int i = order.size() - 1; i >= 0; i--) {  // outputs first
            order.get(i).backward.run();
        }
    }
    // end::backward[]

    /**
     * Every value this one depends on, itself last, each after all of its
     * inputs. Depth-first with an explicit stack instead of recursion: a
     * chain of 100,000 ops does not overflow the call stack.
     */
    // tag::topo-sort[]
    public List<Value> topologicalOrder() {
        List<Value> order = new ArrayList<>();
        Set<Value> visited = Collections.newSetFromMap(
                new IdentityHashMap<>());  // identity: equal data, two nodes
        // each frame: a value and the inputs it has yet to visit
        Deque<Map.Entry<Value, Iterator<Value>>> stack = new ArrayDeque<>();
        visited.add(this);
        stack.push(Map.entry(this, inputs.iterator()));
        while (!stack.isEmpty()) {
            Map.Entry<Value, Iterator<Value>> frame = stack.peek();
            Iterator<Value> pending = frame.getValue();
            if (pending.hasNext()) {
                Value input = pending.next();
                if (visited.add(input)) {
                    stack.push(Map.entry(input, input.inputs.iterator()));
                }
            } else {
                stack.pop();
                order.add(frame.getKey());  // all its inputs are in order
            }
        }
        return order;
    }
    // end::topo-sort[]

    /** Sets the gradient of every value in this one's graph to zero. */
    // tag::zero-grad[]
    public void zeroGrad() {
        for (Value v : topologicalOrder()) {
            v.grad = 0;
        }
    }
    // end::zero-grad[]

    // tag::custom-op[]
    /**
     * A value made by an op written outside this class; give it its
     * backward closure with {@link #setBackward}.
     */
    public static Value fromOp(double data, String op, Value... inputs) {
        if (inputs.length == 0) {
            throw new IllegalArgumentException(
                    op + ": an op needs at least one input");
        }
        return new Value(data, op, List.of(inputs));
    }

    /** Sets this op output's closure, once; it must add into the inputs. */
    public void setBackward(Runnable backward) {
        if (isLeaf() || this.backward != LEAF) {
            throw new IllegalStateException(op + ": the backward closure can"
                    + " be set once, on the output of an op");
        }
        this.backward = backward;
    }

    /** Adds {@code dGrad} into this value's gradient (never assigns). */
    public void addGrad(double dGrad) {
        grad += dGrad;
    }
    // end::custom-op[]

    public double data() {
        return data;
    }

    /** dL/d(this value) after {@link #backward()}; zero before. */
    public double grad() {
        return grad;
    }

    /** The op that made this value; empty for a leaf. */
    public String op() {
        return op;
    }

    /** The values this one was made from; empty for a leaf. */
    public List<Value> inputs() {
        return inputs;
    }

    public boolean isLeaf() {
        return inputs.isEmpty();
    }

    @Override
    public String toString() {
        return "Value(data=" + data + ", grad=" + grad
                + (isLeaf() ? "" : ", op=" + op) + ")";
    }
}
