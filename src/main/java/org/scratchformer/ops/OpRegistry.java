package org.scratchformer.ops;

import static org.scratchformer.gradcheck.RandomCases.awayFromZero;
import static org.scratchformer.gradcheck.RandomCases.size;
import static org.scratchformer.gradcheck.RandomCases.uniform;
import static org.scratchformer.gradcheck.RandomCases.values;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.Add;
import org.scratchformer.tensor.MatMul;
import org.scratchformer.tensor.Op;
import org.scratchformer.tensor.Sum;
import org.scratchformer.tensor.Tensor;

/**
 * Every primitive op, in one list. The catalogue test gradient-checks each
 * entry on random cases, the golden test compares each with PyTorch, the
 * gradient reference has a section for each, and a test fails if an op
 * class exists that is not listed here.
 */
public final class OpRegistry {
    private static final Map<String, OpEntry> ENTRIES = new LinkedHashMap<>();

    static {
        // chapter 3's ops
        register("add", Add.class, r -> twoSameShape(r),
                x -> Ops.add(x.get(0), x.get(1)));
        register("matmul", MatMul.class, r -> {
            int n = size(r);
            int k = size(r);
            int m = size(r);
            return List.of(variable(values(r, n, k)),
                    variable(values(r, k, m)));
        }, x -> Ops.matmul(x.get(0), x.get(1)));
        register("sum", Sum.class, r -> List.of(variable(values(r, size(r),
                size(r)))), x -> Ops.sum(x.get(0)));

        // chapter 5: arithmetic, matrix products, broadcasts and reductions,
        // elementwise math
        register("sub", Sub.class, r -> twoSameShape(r),
                x -> Ops.sub(x.get(0), x.get(1)));
        register("mul", Mul.class, r -> twoSameShape(r),
                x -> Ops.mul(x.get(0), x.get(1)));
        register("div", Div.class, r -> {
            int rows = size(r);
            int cols = size(r);
            return List.of(variable(values(r, rows, cols)),
                    variable(awayFromZero(r, rows, cols, 0.5)));
        }, x -> Ops.div(x.get(0), x.get(1)));
        register("neg", Neg.class, r -> oneInput(r, -1, 1),
                x -> Ops.neg(x.get(0)));
        register("scale", Scale.class, r -> oneInput(r, -1, 1),
                x -> Ops.scale(x.get(0), -1.5));
        register("matmul_nt", MatMulTransB.class, r -> {
            int n = size(r);
            int k = size(r);
            int m = size(r);
            return List.of(variable(values(r, n, k)),
                    variable(values(r, m, k)));
        }, x -> Ops.matmulTransB(x.get(0), x.get(1)));
        register("matmul_tn", MatMulTransA.class, r -> {
            int k = size(r);
            int n = size(r);
            int m = size(r);
            return List.of(variable(values(r, k, n)),
                    variable(values(r, k, m)));
        }, x -> Ops.matmulTransA(x.get(0), x.get(1)));
        register("transpose", Transpose.class, r -> oneInput(r, -1, 1),
                x -> Ops.transpose(x.get(0)));
        // tag::register-add-row[]
        register("add_row", AddRow.class, r -> {
            int rows = size(r);
            int cols = size(r);
            return List.of(variable(values(r, rows, cols)),
                    variable(values(r, 1, cols)));
        }, x -> Ops.addRow(x.get(0), x.get(1)));
        // end::register-add-row[]
        register("sum_rows", SumRows.class, r -> oneInput(r, -1, 1),
                x -> Ops.sumRows(x.get(0)));
        register("sum_cols", SumCols.class, r -> oneInput(r, -1, 1),
                x -> Ops.sumCols(x.get(0)));
        register("mean", Mean.class, r -> oneInput(r, -1, 1),
                x -> Ops.mean(x.get(0)));
        register("mean_rows", MeanRows.class, r -> oneInput(r, -1, 1),
                x -> Ops.meanRows(x.get(0)));
        register("mean_cols", MeanCols.class, r -> oneInput(r, -1, 1),
                x -> Ops.meanCols(x.get(0)));
        register("exp", Exp.class, r -> oneInput(r, -1, 1),
                x -> Ops.exp(x.get(0)));
        register("log", Log.class, r -> oneInput(r, 0.5, 2),
                x -> Ops.log(x.get(0)));
        register("sqrt", Sqrt.class, r -> oneInput(r, 0.5, 2),
                x -> Ops.sqrt(x.get(0)));
        register("pow", Pow.class, r -> oneInput(r, 0.5, 2),
                x -> Ops.pow(x.get(0), 2.5));

        // activations, softmax, masks and structure (rows and columns)
        register("tanh", Tanh.class, r -> oneInput(r, -2, 2),
                x -> Ops.tanh(x.get(0)));
        register("sigmoid", Sigmoid.class, r -> oneInput(r, -3, 3),
                x -> Ops.sigmoid(x.get(0)));
        register("relu", Relu.class, r -> List.of(variable(awayFromZero(r,
                size(r), size(r), 0.1))), x -> Ops.relu(x.get(0)));
        // x/√2 up to 3.5: both sides of Erf's switch from series to fraction
        register("gelu_erf", GeluErf.class, r -> oneInput(r, -5, 5),
                x -> Ops.geluErf(x.get(0)));
        register("gelu_tanh", GeluTanh.class, r -> oneInput(r, -3, 3),
                x -> Ops.geluTanh(x.get(0)));
        register("softmax", Softmax.class, r -> oneInput(r, -2, 2),
                x -> Ops.softmax(x.get(0)));
        register("log_softmax", LogSoftmax.class, r -> oneInput(r, -2, 2),
                x -> Ops.logSoftmax(x.get(0)));
        register("add_mask", AddMask.class, r -> {
            int rows = size(r);
            int cols = size(r);
            return List.of(variable(values(r, rows, cols)),
                    constant(attentionMask(r, rows, cols, 0.3)));
        }, x -> Ops.addMask(x.get(0), x.get(1)));
        register("slice_rows", SliceRows.class, r -> List.of(variable(
                values(r, size(r, 3), size(r)))),
                x -> Ops.sliceRows(x.get(0), 1, x.get(0).rows() - 1));
        register("slice_cols", SliceCols.class, r -> List.of(variable(
                values(r, size(r), size(r, 3)))),
                x -> Ops.sliceCols(x.get(0), 1, x.get(0).cols() - 1));
        register("concat_rows", ConcatRows.class, r -> {
            int cols = size(r);
            return List.of(variable(values(r, size(r), cols)),
                    variable(values(r, size(r), cols)),
                    variable(values(r, size(r), cols)));
        }, x -> Ops.concatRows(x.toArray(Tensor[]::new)));
        register("concat_cols", ConcatCols.class, r -> {
            int rows = size(r);
            return List.of(variable(values(r, rows, size(r))),
                    variable(values(r, rows, size(r))),
                    variable(values(r, rows, size(r))));
        }, x -> Ops.concatCols(x.toArray(Tensor[]::new)));
        register("gather_rows", GatherRows.class, r -> {
            int vocabulary = size(r);
            int count = vocabulary + 1 + r.nextInt(3);  // so an index repeats
            return List.of(variable(values(r, vocabulary, size(r))),
                    constant(indices(r, count, vocabulary)));
        }, x -> Ops.gatherRows(x.get(0), x.get(1)));
        register("dropout", DropoutMask.class, r -> {
            int rows = size(r);
            int cols = size(r);
            return List.of(variable(values(r, rows, cols)),
                    constant(dropoutMask(r, rows, cols, 0.25)));
        }, x -> Ops.dropout(x.get(0), x.get(1)));
    }

    private OpRegistry() {
    }

    static {
        // later chapters' fused ops, in book order
        List<OpSource> sources = new ArrayList<>();
        ServiceLoader.load(OpSource.class, OpRegistry.class.getClassLoader())
                .forEach(sources::add);
        sources.sort(Comparator.comparingInt(OpSource::chapter)
                .thenComparing(s -> s.getClass().getName()));
        for (OpSource source : sources) {
            for (OpEntry e : source.entries()) {
                register(e.name(), e.opClass(), e.inputs(), e.apply());
            }
        }
    }

    /** Every entry, in registration order. */
    public static List<OpEntry> all() {
        return List.copyOf(ENTRIES.values());
    }

    /** The entry with this name. */
    public static OpEntry get(String name) {
        OpEntry entry = ENTRIES.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("no op named '" + name
                    + "' in the registry; known: " + ENTRIES.keySet());
        }
        return entry;
    }

    /** Adds an entry; a second entry of the same name is refused. */
    static void register(String name, Class<? extends Op> opClass,
            Function<Random, List<Tensor>> inputs,
            Function<List<Tensor>, Tensor> apply) {
        if (ENTRIES.containsKey(name)) {
            throw new IllegalStateException("op '" + name
                    + "' registered twice");
        }
        ENTRIES.put(name, new OpEntry(name, opClass, inputs, apply));
    }

    // --- input makers shared by several entries ---

    private static Tensor variable(org.ejml.data.DMatrixRMaj m) {
        return Tensor.variable(m);
    }

    private static List<Tensor> twoSameShape(Random r) {
        int rows = size(r);
        int cols = size(r);
        return List.of(variable(values(r, rows, cols)),
                variable(values(r, rows, cols)));
    }

    /** One variable of random shape, values uniform in [lo, hi). */
    private static List<Tensor> oneInput(Random r, double lo, double hi) {
        return List.of(variable(uniform(r, size(r), size(r), lo, hi)));
    }

    // --- input makers for activations, masks, indices ---

    private static Tensor constant(DMatrixRMaj m) {
        return Tensor.constant(m);
    }

    /** Each element −∞ with probability p, but at least one 0 per row. */
    private static DMatrixRMaj attentionMask(Random r, int rows, int cols,
            double p) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);  // (R, C), zeros
        for (int k = 0; k < m.getNumElements(); k++) {
            if (r.nextDouble() < p) {
                m.set(k, Double.NEGATIVE_INFINITY);
            }
        }
        for (int i = 0; i < rows; i++) {
            m.set(i, r.nextInt(cols), 0);  // this row keeps a score
        }
        return m;
    }

    /** (1, count) whole numbers from 0 to vocabulary − 1. */
    private static DMatrixRMaj indices(Random r, int count, int vocabulary) {
        DMatrixRMaj idx = new DMatrixRMaj(1, count);  // (1, N)
        for (int n = 0; n < count; n++) {
            idx.set(0, n, r.nextInt(vocabulary));
        }
        return idx;
    }

    /** Each element 0 with probability p, else 1/(1 − p). */
    private static DMatrixRMaj dropoutMask(Random r, int rows, int cols,
            double p) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);  // (R, C)
        for (int k = 0; k < m.getNumElements(); k++) {
            m.set(k, r.nextDouble() < p ? 0 : 1 / (1 - p));
        }
        return m;
    }
}
