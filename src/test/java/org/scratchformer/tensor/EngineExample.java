package org.scratchformer.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.scratchformer.book.Listings;

/**
 * The listings {@code engine-graph} and {@code engine-reuse}: a tiny graph's
 * topological order and gradients, and a tensor used twice.
 */
class EngineExample {
    static final Add ADD = new Add();
    static final MatMul MATMUL = new MatMul();
    static final Sum SUM = new Sum();

    /** Names for the tensors of one graph, by identity. */
    private final Map<Tensor, String> names = new IdentityHashMap<>();

    private Tensor named(String name, Tensor t) {
        names.put(t, name);
        return t;
    }

    @Test
    void aTinyGraph() {
        // tag::tiny-graph[]
        Tensor x = Tensor.constant(new double[][] {{1, 2}});    // data
        Tensor w = Tensor.variable(new double[][] {{0.5, -1},
                                                   {2, 0.25}}); // weights
        Tensor b = Tensor.variable(new double[][] {{0.1, 0.2}});
        Tensor xw = MATMUL.apply(x, w);                      // (1x2)
        Tensor y = ADD.apply(xw, b);                         // (1x2)
        Tensor loss = SUM.apply(y);                          // (1x1)
        loss.backward();
        // end::tiny-graph[]
        named("x", x);
        named("w", w);
        named("b", b);
        named("xw", xw);
        named("y", y);
        named("loss", loss);

        List<Tensor> order = Graph.topologicalOrder(loss);
        StringBuilder text = new StringBuilder(
                "topological order, inputs first:\n");
        for (int i = 0; i < order.size(); i++) {
            text.append(String.format(Locale.ROOT, "  %d. %-5s%s%n", i + 1,
                    names.get(order.get(i)), describe(order.get(i))));
        }
        text.append("\nafter loss.backward():\n");
        for (Tensor t : order) {
            text.append(String.format(Locale.ROOT, "  %-5s value %-22s"
                    + " grad %s%n", names.get(t), rows(t.value()),
                    t.requiresGrad() ? rows(t.grad()) : "none (constant)"));
        }
        String listing = Listings.write("engine-graph", text.toString());

        assertEquals(6, order.size(), listing);
        assertEquals(loss, order.get(5));
        // dL/dW = xᵀ·1: each row of W gets the matching x
        assertEquals(2.0, w.grad().get(1, 0), 0.0, listing);
        assertEquals(1.0, b.grad().get(0, 1), 0.0, listing);
        assertTrue(listing.contains("none (constant)"), listing);
    }

    @Test
    void aTensorUsedTwice() {
        // tag::reuse[]
        Tensor x = Tensor.variable(new double[][] {{1, 2}, {3, 4}});
        Tensor loss = SUM.apply(ADD.apply(MATMUL.apply(x, x), x));
        loss.backward();  // x reached three ways: as A, as B, through add
        // end::reuse[]
        named("x", x);
        StringBuilder text = new StringBuilder();
        text.append("loss = sum(x·x + x) = ").append(fmt(loss.item()))
                .append('\n');
        text.append("dL/dx = ").append(rows(x.grad())).append('\n');
        // dL/dX = 1·Xᵀ + Xᵀ·1 + 1
        text.append("check: 1·xᵀ + xᵀ·1 + 1 = ")
                .append(rows(byHand(x.value()))).append('\n');
        String listing = Listings.write("engine-reuse", text.toString());
        assertEquals(rows(byHand(x.value())), rows(x.grad()), listing);
    }

    private static DMatrixRMaj byHand(DMatrixRMaj x) {
        int n = x.numRows;
        DMatrixRMaj dX = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double rowSum = 0;     // (1·Xᵀ)[i][k] = Σⱼ X[k][j]
                double columnSum = 0;  // (Xᵀ·1)[i][k] = Σⱼ X[j][i]
                for (int j = 0; j < n; j++) {
                    rowSum += x.get(k, j);
                    columnSum += x.get(j, i);
                }
                dX.set(i, k, rowSum + columnSum + 1);
            }
        }
        return dX;
    }

    private String describe(Tensor t) {
        StringBuilder text = new StringBuilder(t.shape());
        if (t.isLeaf()) {
            return text.append(t.requiresGrad() ? "  variable" : "  constant")
                    .toString();
        }
        text.append("  ").append(t.op().name()).append('(');
        for (int i = 0; i < t.inputs().size(); i++) {
            text.append(i == 0 ? "" : ", ").append(names.get(t.inputs()
                    .get(i)));
        }
        return text.append(')').toString();
    }

    static String rows(DMatrixRMaj m) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < m.numRows; i++) {
            text.append(i == 0 ? "[" : " [");
            for (int j = 0; j < m.numCols; j++) {
                text.append(j == 0 ? "" : ", ").append(fmt(m.get(i, j)));
            }
            text.append(']');
        }
        return text.append(']').toString();
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v).replaceAll(
                "(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
