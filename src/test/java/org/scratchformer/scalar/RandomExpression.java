package org.scratchformer.scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random expression over a few leaves that can be evaluated twice: in
 * plain doubles (for finite differences) and as {@link Value}s (for
 * backward). Nodes may reuse earlier nodes, so the graph shares values;
 * the result is the sum of every node that no later node uses, so every
 * leaf reaches it.
 *
 * <p>Every op is drawn at a point: an op whose inputs there lie near a
 * domain edge (log of a small number, division by a small number, relu
 * near its kink) or whose result grows large is drawn again, so that
 * finite differences with a small step stay on one smooth piece.
 */
final class RandomExpression {
    private static final String[] OPS = {"+", "-", "*", "/", "neg", "pow",
        "exp", "log", "tanh", "relu", "+c", "*c"};
    private static final double[] POWERS = {2, 3, -1, 0.5, 1.5};
    private static final double MARGIN = 0.2;
    private static final double LIMIT = 20;

    /** Node k (k ≥ leaves) applies op to nodes a and b (b unused if unary). */
    private record Node(String op, int a, int b, double p) {
    }

    private final int leaves;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Integer> sinks = new ArrayList<>();  // summed

    private RandomExpression(int leaves) {
        this.leaves = leaves;
    }

    /** An expression of {@code size} ops over {@code x.length} leaves. */
    static RandomExpression draw(Random random, double[] x, int size) {
        RandomExpression e = new RandomExpression(x.length);
        List<Double> values = new ArrayList<>();
        for (double xi : x) {
            values.add(xi);
        }
        for (int k = 0; k < size; k++) {
            Node node = null;
            for (int attempt = 0; attempt < 50 && node == null; attempt++) {
                Node candidate = e.candidate(random, values.size());
                double[] operands = {values.get(candidate.a),
                    values.get(candidate.b)};
                if (safe(candidate, operands)) {
                    node = candidate;
                }
            }
            if (node == null) {  // tanh is smooth and bounded everywhere
                node = new Node("tanh", values.size() - 1, 0, 0);
            }
            e.nodes.add(node);
            values.add(apply(node, values.get(node.a), values.get(node.b)));
        }
        e.findSinks();
        return e;
    }

    private void findSinks() {
        boolean[] used = new boolean[leaves + nodes.size()];
        for (Node n : nodes) {
            used[n.a] = true;
            if (isBinary(n.op)) {
                used[n.b] = true;
            }
        }
        for (int k = 0; k < used.length; k++) {
            if (!used[k]) {
                sinks.add(k);
            }
        }
    }

    private static boolean isBinary(String op) {
        return List.of("+", "-", "*", "/").contains(op);
    }

    private Node candidate(Random random, int count) {
        String op = OPS[random.nextInt(OPS.length)];
        // prefer recent nodes, so that the expression grows deep
        int a = Math.max(0, count - 1 - random.nextInt(Math.min(count, 4)));
        int b = random.nextInt(count);
        double p = op.equals("pow") ? POWERS[random.nextInt(POWERS.length)]
                : Math.round(random.nextGaussian() * 100) / 100.0;
        return new Node(op, a, b, p);
    }

    private static boolean safe(Node n, double[] operands) {
        double a = operands[0];
        double b = operands[1];
        boolean domain = switch (n.op) {
            case "/" -> Math.abs(b) >= MARGIN;
            case "log" -> a >= MARGIN;
            case "relu" -> Math.abs(a) >= MARGIN;
            case "pow" -> n.p == Math.rint(n.p) && n.p > 0
                    || (n.p < 0 ? Math.abs(a) : a) >= MARGIN;
            default -> true;
        };
        return domain && Math.abs(apply(n, a, b)) <= LIMIT;
    }

    private static double apply(Node n, double a, double b) {
        return switch (n.op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> a / b;
            case "neg" -> -a;
            case "pow" -> Math.pow(a, n.p);
            case "exp" -> Math.exp(a);
            case "log" -> Math.log(a);
            case "tanh" -> Math.tanh(a);
            case "relu" -> Math.max(0, a);
            case "+c" -> a + n.p;
            case "*c" -> a * n.p;
            default -> throw new AssertionError(n.op);
        };
    }

    private static Value apply(Node n, Value a, Value b) {
        return switch (n.op) {
            case "+" -> a.add(b);
            case "-" -> a.sub(b);
            case "*" -> a.mul(b);
            case "/" -> a.div(b);
            case "neg" -> a.neg();
            case "pow" -> a.pow(n.p);
            case "exp" -> a.exp();
            case "log" -> a.log();
            case "tanh" -> a.tanh();
            case "relu" -> a.relu();
            case "+c" -> a.add(n.p);
            case "*c" -> a.mul(n.p);
            default -> throw new AssertionError(n.op);
        };
    }

    /** The expression's value in plain doubles. */
    double evaluate(double[] x) {
        List<Double> values = new ArrayList<>();
        for (double xi : x) {
            values.add(xi);
        }
        for (Node n : nodes) {
            values.add(apply(n, values.get(n.a), values.get(n.b)));
        }
        double sum = 0;
        for (int k : sinks) {
            sum += values.get(k);
        }
        return sum;
    }

    /** The expression as a graph over the leaves {@code x}. */
    Value evaluate(Value[] x) {
        List<Value> values = new ArrayList<>(List.of(x));
        for (Node n : nodes) {
            values.add(apply(n, values.get(n.a), values.get(n.b)));
        }
        Value sum = values.get(sinks.get(0));
        for (int k : sinks.subList(1, sinks.size())) {
            sum = sum.add(values.get(k));
        }
        return sum;
    }

    /** One line per node, e.g. {@code v5 = log(v3)}, for failure messages. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < nodes.size(); k++) {
            Node n = nodes.get(k);
            s.append("v").append(leaves + k).append(" = ").append(n.op)
                    .append("(v").append(n.a);
            if (isBinary(n.op)) {
                s.append(", v").append(n.b);
            } else if (List.of("pow", "+c", "*c").contains(n.op)) {
                s.append(", ").append(n.p);
            }
            s.append(")\n");
        }
        return s.append("result = sum of nodes ").append(sinks).toString();
    }
}
