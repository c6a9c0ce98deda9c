package org.scratchformer.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoublePredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Tensor;

/**
 * A random well-typed composition of registered ops, made from a seed:
 * inputs, then statements, each one op of {@link OpRegistry} applied (as
 * its entry applies it) to earlier values or to new inputs of the shapes
 * it needs. Every statement is computed as it is drawn, and kept only if
 * its inputs are away from the op's kinks and edges (relu at 0, log near
 * 0, a divisor near 0, a layer-norm row of equal numbers) and its output
 * is finite and moderate; otherwise another is drawn.
 *
 * <pre>
 * y = softmax(matmul(x0, transpose(x1)))
 *   x0 (3x4), x1 (2x4)
 *   t0 = transpose(x1)    (4x2)
 *   t1 = matmul(x0, t0)   (3x2)
 *   y  = softmax(t1)      (3x2)
 * </pre>
 */
final class RandomProgram {
    /** Statements in a program: 1 to this many. */
    static final int MAX_DEPTH = 8;
    /** No statement may make a number larger than this in size. */
    static final double LIMIT = 20;
    /** Nor a matrix with more rows or columns than this. */
    static final int MAX_SIZE = 8;
    /** The batch and head counts the registry's entries were made with. */
    static final int ATTENTION_BATCH = 3;
    static final int MULTIHEAD_BATCH = 2;
    static final int HEADS = 2;

    /** A value of the program: an input (op null) or a statement's result. */
    record Node(String name, String op, int[] args, int input, Tensor value) {
        boolean isInput() {
            return op == null;
        }

        boolean isConstant() {
            return isInput() && !value.requiresGrad();
        }

        String shape() {
            return value.shape();
        }
    }

    final long seed;
    private final Random random;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Tensor> inputs = new ArrayList<>();
    private int statements;

    private RandomProgram(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** The program of this seed: the same one every time. */
    static RandomProgram of(long seed) {
        RandomProgram p = new RandomProgram(seed);
        // 1 to 6 rows and columns: 3 and 6 suit the batched ops' batches
        p.input(RandomCases.uniform(p.random, 1 + p.random.nextInt(6),
                1 + p.random.nextInt(6), -1.5, 1.5), true);
        int depth = 1 + p.random.nextInt(MAX_DEPTH);
        for (int tries = 0; p.statements < depth && tries < 500; tries++) {
            int before = p.nodes.size();
            int inputsBefore = p.inputs.size();
            List<String> ops = Statements.OPS;
            if (!Statements.draw(p, ops.get(p.random.nextInt(ops.size())))) {
                p.nodes.subList(before, p.nodes.size()).clear();  // undo
                p.inputs.subList(inputsBefore, p.inputs.size()).clear();
            }
        }
        p.join();
        return p;
    }

    /**
     * Makes every statement count: a value that nothing reads (a branch
     * taken from an earlier value) is added to the output, as
     * y = mean(y) + mean(v), so its gradient is checked too.
     */
    private void join() {
        int last = nodes.size() - 1;
        boolean[] read = new boolean[nodes.size()];
        for (Node n : nodes) {
            for (int a : n.args()) {
                read[a] = true;
            }
        }
        Node y = nodes.get(last);
        for (int i = 0; i < last; i++) {
            Node n = nodes.get(i);
            if (!n.isInput() && !read[i]
                    && all(n.value().value(), Double::isFinite)) {
                if (y == nodes.get(last)) {
                    y = append("mean", y);
                }
                y = append("add", y, append("mean", n));
            }
        }
    }

    /** The inputs, in order: what a check perturbs. */
    Tensor[] inputs() {
        return inputs.toArray(Tensor[]::new);
    }

    /** Runs the program again on {@code leaves} (inputs in order). */
    Tensor run(List<Tensor> leaves) {
        Tensor[] v = new Tensor[nodes.size()];
        for (int i = 0; i < v.length; i++) {
            Node n = nodes.get(i);
            if (n.isInput()) {
                v[i] = leaves.get(n.input());
            } else {
                List<Tensor> args = new ArrayList<>();
                for (int a : n.args()) {
                    args.add(v[a]);
                }
                v[i] = OpRegistry.get(n.op()).apply().apply(args);
            }
        }
        return v[v.length - 1];
    }

    /** The ops of the statements, in order (an op may appear twice). */
    List<String> ops() {
        return nodes.stream().filter(n -> !n.isInput()).map(Node::op)
                .toList();
    }

    int depth() {
        return statements;
    }

    // --- what Statements uses to draw ---

    Random random() {
        return random;
    }

    List<Node> nodes() {
        return nodes;
    }

    /**
     * An earlier value that {@code op} can read: mostly the last, else
     * any that fits; never a constant, nor masked scores (−∞), which only
     * their softmax reads. Null if none fits.
     */
    Node operand(Predicate<Node> fits) {
        Node last = nodes.get(nodes.size() - 1);
        if (random.nextDouble() < 0.85 && usable(last) && fits.test(last)) {
            return last;
        }
        List<Node> usable = nodes.stream().filter(n -> usable(n)
                && fits.test(n)).toList();
        return usable.isEmpty() ? null
                : usable.get(random.nextInt(usable.size()));
    }

    private static boolean usable(Node n) {
        return !n.isConstant() && all(n.value().value(), Double::isFinite);
    }

    /**
     * A value of shape (rows, cols) whose numbers pass {@code allowed}:
     * half the time an earlier one if there is such, else a new input with
     * numbers from {@code lo} to {@code hi}, signs flipped at random if
     * {@code signs}.
     */
    Node valueOf(int rows, int cols, DoublePredicate allowed, double lo,
            double hi, boolean signs) {
        if (random.nextBoolean()) {
            List<Node> fitting = nodes.stream().filter(n -> usable(n)
                    && n.value().rows() == rows && n.value().cols() == cols
                    && all(n.value().value(), allowed)).toList();
            if (!fitting.isEmpty()) {
                return fitting.get(random.nextInt(fitting.size()));
            }
        }
        DMatrixRMaj m = RandomCases.uniform(random, rows, cols, lo, hi);
        for (int k = 0; signs && k < m.getNumElements(); k++) {
            if (random.nextBoolean()) {
                m.data[k] = -m.data[k];
            }
        }
        return input(m, true);
    }

    /** A value of shape (rows, cols), numbers in [-1, 1). */
    Node valueOf(int rows, int cols) {
        return valueOf(rows, cols, v -> true, -1, 1, false);
    }

    /** A new input: a variable, or a constant (a mask, indices). */
    Node input(DMatrixRMaj m, boolean variable) {
        Tensor t = variable ? Tensor.variable(m) : Tensor.constant(m);
        Node n = new Node((variable ? "x" : "c") + inputs.size(), null,
                new int[0], inputs.size(), t);
        inputs.add(t);
        nodes.add(n);
        return n;
    }

    /**
     * Appends {@code op} applied to {@code args}, computed now; null if
     * the op refuses them or its output is not finite and moderate (then
     * {@code finite} false lets −∞ through, for a mask's scores).
     */
    Node apply(String op, boolean finite, Node... args) {
        List<Tensor> values = new ArrayList<>();
        for (Node arg : args) {
            values.add(arg.value());
        }
        Tensor y;
        try {
            y = OpRegistry.get(op).apply().apply(values);
        } catch (IllegalArgumentException refused) {
            return null;  // shapes the drawing did not foresee: draw again
        }
        DMatrixRMaj m = y.value();
        if (m.numRows > MAX_SIZE || m.numCols > MAX_SIZE
                || !all(m, v -> finite ? Math.abs(v) <= LIMIT
                        : v == Double.NEGATIVE_INFINITY
                        || Math.abs(v) <= LIMIT)) {
            return null;
        }
        statements++;
        return append(op, args);
    }

    /** Appends {@code op} applied to {@code args}, unchecked. */
    private Node append(String op, Node... args) {
        List<Tensor> values = new ArrayList<>();
        int[] at = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            values.add(args[i].value());
            at[i] = nodes.indexOf(args[i]);
        }
        Node n = new Node("t" + (nodes.size() - inputs.size()), op, at, -1,
                OpRegistry.get(op).apply().apply(values));
        nodes.add(n);
        return n;
    }

    static boolean all(DMatrixRMaj m, DoublePredicate test) {
        for (int k = 0; k < m.getNumElements(); k++) {
            if (!test.test(m.data[k])) {
                return false;
            }
        }
        return true;
    }

    // --- how a program prints ---

    /** The output as one expression, with the inputs' names. */
    String expression() {
        return expression(nodes.size() - 1);
    }

    private String expression(int i) {
        Node n = nodes.get(i);
        if (n.isInput()) {
            return n.name();
        }
        List<String> args = new ArrayList<>();
        for (int a : n.args()) {
            args.add(expression(a));
        }
        return n.op() + "(" + String.join(", ", args) + ")";
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("y = " + expression() + "\n  "
                + nodes.stream().filter(Node::isInput).map(n -> n.name()
                        + " " + n.shape()).collect(Collectors.joining(", ")));
        for (Node n : nodes) {
            if (!n.isInput()) {
                String args = java.util.Arrays.stream(n.args())
                        .mapToObj(a -> nodes.get(a).name())
                        .collect(Collectors.joining(", "));
                String line = n.name() + " = " + n.op() + "(" + args + ")";
                text.append(String.format("%n  %-36s %s", line, n.shape()));
            }
        }
        return text.toString();
    }
}
