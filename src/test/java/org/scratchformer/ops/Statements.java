package org.scratchformer.ops;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.ops.RandomProgram.Node;
import org.scratchformer.tensor.NoGrad;

/**
 * The typing rules of {@link RandomProgram}: for each registered op, which
 * earlier value it can take, which other inputs it needs (an earlier value
 * of the right shape, or a new input), and which numbers are too near a
 * kink or an edge to check by finite differences.
 */
final class Statements {
    /** Every registered op: each may be drawn. */
    static final List<String> OPS = OpRegistry.all().stream()
            .map(OpEntry::name).toList();

    /** At least this far from relu's kink at 0, in the numbers it reads. */
    static final double KINK = 0.02;
    /** log, sqrt and pow read numbers of at least this. */
    static final double POSITIVE = 0.2;
    /** A divisor is at least this far from 0. */
    static final double DIVISOR = 0.3;
    /** A row that layer norm reads has at least this variance. */
    static final double VARIANCE = 0.05;

    private Statements() {
    }

    /** Appends one statement of {@code op}; false if it cannot here. */
    static boolean draw(RandomProgram p, String op) {
        Random r = p.random();
        Node a = p.operand(n -> reads(op, n.value().value()));
        if (a == null) {
            return false;
        }
        int rows = a.value().rows();
        int cols = a.value().cols();
        DMatrixRMaj x = a.value().value();
        switch (op) {
            case "neg", "scale", "transpose", "tanh", "sigmoid", "gelu_erf",
                    "gelu_tanh", "softmax", "log_softmax", "sum", "sum_rows",
                    "sum_cols", "mean", "mean_rows", "mean_cols" -> {
                return p.apply(op, true, a) != null;
            }
            case "exp" -> {
                return RandomProgram.all(x, v -> v <= 3)
                        && p.apply(op, true, a) != null;
            }
            case "log", "sqrt", "pow" -> {
                return RandomProgram.all(x, v -> v >= POSITIVE)
                        && p.apply(op, true, a) != null;
            }
            case "relu" -> {
                return RandomProgram.all(x, v -> Math.abs(v) >= KINK)
                        && p.apply(op, true, a) != null;
            }
            case "add", "sub", "mul" -> {
                return p.apply(op, true, a, p.valueOf(rows, cols)) != null;
            }
            case "div" -> {
                Node b = p.valueOf(rows, cols, v -> Math.abs(v) >= DIVISOR,
                        DIVISOR, 1.5, true);
                return p.apply(op, true, a, b) != null;
            }
            case "matmul" -> {
                return p.apply(op, true, a, p.valueOf(cols, size(r))) != null;
            }
            case "matmul_nt" -> {
                return p.apply(op, true, a, p.valueOf(size(r), cols)) != null;
            }
            case "matmul_tn" -> {
                return p.apply(op, true, a, p.valueOf(rows, size(r))) != null;
            }
            case "add_row" -> {
                return p.apply(op, true, a, p.valueOf(1, cols)) != null;
            }
            case "slice_rows" -> {
                return rows >= 3 && p.apply(op, true, a) != null;
            }
            case "slice_cols" -> {
                return cols >= 3 && p.apply(op, true, a) != null;
            }
            case "concat_rows" -> {
                return p.apply(op, true, a, p.valueOf(size(r), cols)) != null;
            }
            case "concat_cols" -> {
                return p.apply(op, true, a, p.valueOf(rows, size(r))) != null;
            }
            case "gather_rows" -> {
                DMatrixRMaj indices = new DMatrixRMaj(1, size(r));  // (1, N)
                for (int n = 0; n < indices.numCols; n++) {
                    indices.set(0, n, r.nextInt(rows));
                }
                return p.apply(op, true, a, p.input(indices, false)) != null;
            }
            case "dropout" -> {
                DMatrixRMaj mask = new DMatrixRMaj(rows, cols);
                for (int k = 0; k < mask.getNumElements(); k++) {
                    mask.data[k] = r.nextDouble() < 0.25 ? 0 : 1 / 0.75;
                }
                return p.apply(op, true, a, p.input(mask, false)) != null;
            }
            case "add_mask" -> {
                // masked scores are read by a softmax at once, as in attention
                Node scores = p.apply(op, false, a, p.input(mask(r, rows,
                        cols), false));
                return scores != null && p.apply(r.nextBoolean() ? "softmax"
                        : "log_softmax", true, scores) != null;
            }
            case "head_softmax" -> {
                return cols % RandomProgram.HEADS == 0 && p.apply(op, true, a) != null;
            }
            case "layer_norm" -> {
                return cols >= 2 && rowsVary(x) && p.apply(op, true, a,
                        p.valueOf(1, cols, v -> true, 0.5, 1.5, false),
                        p.valueOf(1, cols)) != null;
            }
            case "linear" -> {
                int out = size(r);
                return p.apply(op, true, a, p.valueOf(cols, out),
                        p.valueOf(1, out)) != null;
            }
            case "linear_relu" -> {
                int out = size(r);
                Node w = p.valueOf(cols, out);
                Node b = p.valueOf(1, out);
                return awayFromKink(a, w, b)
                        && p.apply(op, true, a, w, b) != null;
            }
            case "cross_entropy", "cross_entropy_smoothed" -> {
                if (cols < 2) {
                    return false;
                }
                // classes 1 .. V−1: class 0 is the smoothed loss's ignore index
                DMatrixRMaj targets = new DMatrixRMaj(rows, 1);  // (N, 1)
                for (int n = 0; n < rows; n++) {
                    targets.set(n, 0, 1 + r.nextInt(cols - 1));
                }
                return p.apply(op, true, a, p.input(targets, false)) != null;
            }
            case "batched_matmul_nt" -> {
                // A (B·T, H·D) · B (B·S, H·D) per sequence and head
                return rows % RandomProgram.ATTENTION_BATCH == 0
                        && cols % RandomProgram.HEADS == 0 && p.apply(op, true, a,
                        p.valueOf(RandomProgram.ATTENTION_BATCH * size(r, 3),
                                cols)) != null;
            }
            case "batched_matmul" -> {
                // A (B·T, H·S) · B (B·S, H·D)
                int s = cols / RandomProgram.HEADS;
                return rows % RandomProgram.ATTENTION_BATCH == 0
                        && cols % RandomProgram.HEADS == 0 && p.apply(op, true, a,
                        p.valueOf(RandomProgram.ATTENTION_BATCH * s,
                                RandomProgram.HEADS * size(r, 3))) != null;
            }
            case "fused_attention" -> {
                // Q (B·T, H·D), K and V (B·S, H·D), mask (B·T, S)
                int s = size(r, 3);
                int batch = RandomProgram.MULTIHEAD_BATCH;
                return rows % batch == 0 && cols % RandomProgram.HEADS == 0 && p.apply(op,
                        true, a, p.valueOf(batch * s, cols),
                        p.valueOf(batch * s, cols),
                        p.input(mask(r, rows, s), false)) != null;
            }
            default -> throw new IllegalStateException("the op " + op
                    + " is registered but random programs have no rule for"
                    + " it: add one to Statements.draw");
        }
    }

    /** Whether {@code op} can read {@code x} as its first input. */
    static boolean reads(String op, DMatrixRMaj x) {
        int rows = x.numRows;
        int cols = x.numCols;
        int heads = RandomProgram.HEADS;
        return switch (op) {
            case "exp" -> RandomProgram.all(x, v -> v <= 3);
            case "log", "sqrt", "pow" -> RandomProgram.all(x,
                    v -> v >= POSITIVE);
            case "relu" -> RandomProgram.all(x, v -> Math.abs(v) >= KINK);
            case "slice_rows" -> rows >= 3;
            case "slice_cols" -> cols >= 3;
            case "head_softmax" -> cols % heads == 0;
            case "layer_norm" -> cols >= 2 && rowsVary(x);
            case "cross_entropy", "cross_entropy_smoothed" -> cols >= 2;
            case "batched_matmul_nt", "batched_matmul" ->
                    rows % RandomProgram.ATTENTION_BATCH == 0
                    && cols % heads == 0;
            case "fused_attention" -> rows % RandomProgram.MULTIHEAD_BATCH
                    == 0 && cols % heads == 0;
            default -> true;
        };
    }

    /** A size from 1 to {@code max}. */
    static int size(Random r, int max) {
        return 1 + r.nextInt(max);
    }

    static int size(Random r) {
        return RandomCases.size(r);
    }

    /** 0 or −∞, about a third masked, each row keeping at least one 0. */
    static DMatrixRMaj mask(Random r, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < m.getNumElements(); k++) {
            if (r.nextDouble() < 0.3) {
                m.data[k] = Double.NEGATIVE_INFINITY;
            }
        }
        for (int i = 0; i < rows; i++) {
            m.set(i, r.nextInt(cols), 0);  // this row keeps a position
        }
        return m;
    }

    /** Whether every row's numbers have a variance of at least VARIANCE. */
    static boolean rowsVary(DMatrixRMaj x) {
        for (int i = 0; i < x.numRows; i++) {
            double mean = 0;
            for (int j = 0; j < x.numCols; j++) {
                mean += x.get(i, j) / x.numCols;
            }
            double variance = 0;
            for (int j = 0; j < x.numCols; j++) {
                double d = x.get(i, j) - mean;
                variance += d * d / x.numCols;
            }
            if (variance < VARIANCE) {
                return false;
            }
        }
        return true;
    }

    /** Whether X·W + 1·b is at least KINK away from 0 everywhere. */
    @SuppressWarnings("try")  // the scope only switches the graph off
    static boolean awayFromKink(Node x, Node w, Node b) {
        try (NoGrad scope = NoGrad.enter()) {
            DMatrixRMaj z = OpRegistry.get("linear").apply().apply(List.of(
                    x.value(), w.value(), b.value())).value();
            return RandomProgram.all(z, v -> Math.abs(v) >= KINK);
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }
}
