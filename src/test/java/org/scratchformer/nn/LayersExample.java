package org.scratchformer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scratchformer.book.Listings;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/**
 * The listings of chapter 6: a small model's parameter table
 * ({@code nn-parameters}), its module check ({@code nn-module-check}) and
 * the report of a module whose weight never reaches the graph
 * ({@code nn-module-check-failure}).
 */
class LayersExample {

    static Sequential model() {
        // tag::model[]
        Random random = new Random(6);
        Sequential model = new Sequential(
                new Embedding(10, 4, random),              // ids → (N, 4)
                new LayerNorm(4),
                new FeedForward(4, 16, Activation.GELU_ERF, random),
                new Linear(4, 10, random));                // (N, 10)
        // end::model[]
        return model;
    }

    static String table(Module module) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%-18s  %-7s  %5s%n", "parameter", "shape", "count"));
        for (Map.Entry<String, Parameter> e : module.parameters()
                .entrySet()) {
            Parameter p = e.getValue();
            text.append(String.format(Locale.ROOT, "%-18s  %-7s  %5d%n",
                    e.getKey(), "(" + p.rows() + "x" + p.cols() + ")",
                    p.size()));
        }
        text.append(String.format(Locale.ROOT, "%-18s  %-7s  %5d%n",
                "total", "", module.parameterCount()));
        return text.toString();
    }

    @Test
    void parameterTable() {
        Sequential model = model();
        String text = Listings.write("nn-parameters", table(model));
        // 40 + 8 + (64 + 16 + 64 + 4) + (40 + 10)
        assertEquals(246, model.parameterCount());
        assertTrue(text.contains("2.linear1.weight    (4x16)"), text);
    }

    @Test
    void moduleCheck() {
        Sequential model = model();
        // tag::module-check[]
        Tensor ids = Tensor.constant(new double[][] {{3, 1, 4, 1, 5}});
        ModuleCheckReport report = ModuleCheck.of(model)
                .inputNames("ids").seed(6).check(ids);
        // end::module-check[]
        Listings.write("nn-module-check", report.summary() + "\n");
        assertEquals(model.parameterCount(),
                report.report().elementsChecked());
    }

    /** Uses W's value as a constant: the gradient never reaches W. */
    static final class Detached extends Layer {
        final Linear proj = child("proj", new Linear(3, 2, new Random(1)));

        @Override
        public Tensor forward(Tensor x) {
            // tag::detached[]
            Tensor w = Tensor.constant(proj.weight().value());  // a bug
            return Ops.addRow(Ops.matmul(x, w), proj.bias().tensor());
            // end::detached[]
        }
    }

    @Test
    void moduleCheckOfADetachedWeight() {
        Tensor x = Tensor.variable(new double[][] {{0.5, -1, 2}});
        ModuleCheckReport report = ModuleCheck.of(new Detached()).seed(6)
                .run(x);
        Listings.write("nn-module-check-failure", report.summary() + "\n");
        assertFalse(report.passed());
        assertTrue(report.summary().contains("proj.weight element (0,0)"));
    }
}
