package org.scratchformer.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.nn.Parameter;
import org.scratchformer.tensor.Shapes;

/**
 * The optimizers and clipping against PyTorch: {@code golden/optim.json},
 * written by {@code src/test/python/make_golden_optim.py} (its docstring
 * describes the layout), replayed step by step.
 */
class OptimizerGoldenTest {
    static final String RESOURCE = "/golden/optim.json";

    /** |actual − expected| ≤ TOLERANCE · max(1, |expected|). */
    static final double TOLERANCE = 1e-10;

    static JsonNode golden() {
        try (InputStream in = OptimizerGoldenTest.class
                .getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE + " is not on the test classpath");
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** One case, named for the test's display name. */
    record Named(String name, JsonNode node) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Named> optimizerCases() {
        List<Named> cases = new ArrayList<>();
        golden().get("optimizers").forEach(c -> cases.add(new Named(
                c.get("optimizer").asText() + " " + c.get("name").asText(),
                c)));
        return cases.stream();
    }

    static Stream<Named> clippingCases() {
        List<Named> cases = new ArrayList<>();
        golden().get("clipping").forEach(c -> cases.add(new Named(
                c.get("name").asText(), c)));
        return cases.stream();
    }

    /** Parameters w and b with the values of {@code node}, in that order. */
    static Map<String, Parameter> parameters(JsonNode node) {
        Map<String, Parameter> params = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> params.put(e.getKey(),
                new Parameter(new DMatrixRMaj(matrix(e.getValue())))));
        return params;
    }

    static Optimizer optimizer(JsonNode c, Map<String, Parameter> params) {
        JsonNode s = c.get("settings");
        double lr = s.get("lr").asDouble();
        switch (c.get("optimizer").asText()) {
            case "SGD":
                return new Sgd(params, lr, s.get("momentum").asDouble(),
                        s.get("weight_decay").asDouble());
            case "Adam":
                return new Adam(params, lr, s.get("beta1").asDouble(),
                        s.get("beta2").asDouble(), s.get("eps").asDouble(),
                        s.get("weight_decay").asDouble());
            case "AdamW":
                return new AdamW(params, lr, s.get("beta1").asDouble(),
                        s.get("beta2").asDouble(), s.get("eps").asDouble(),
                        s.get("weight_decay").asDouble());
            default:
                throw new IllegalArgumentException("unknown optimizer in "
                        + RESOURCE + ": " + c.get("optimizer"));
        }
    }

    // tag::replay[]
    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizerCases")
    void everyStepMatchesPyTorch(Named golden) {
        JsonNode c = golden.node();
        Map<String, Parameter> params = parameters(c.get("initial"));
        Optimizer optimizer = optimizer(c, params);
        for (int t = 0; t < c.get("grads").size(); t++) {
            optimizer.zeroGrad();
            JsonNode grads = c.get("grads").get(t);
            params.forEach((name, p) -> p.grad().setTo(
                    new DMatrixRMaj(matrix(grads.get(name)))));
            optimizer.step();
            JsonNode after = c.get("after").get(t);
            for (Map.Entry<String, Parameter> e : params.entrySet()) {
                assertClose(golden + ", step " + (t + 1) + ", " + e.getKey(),
                        matrix(after.get(e.getKey())), e.getValue().value());
            }
        }
    }
    // end::replay[]

    @ParameterizedTest(name = "{0}")
    @MethodSource("clippingCases")
    void clippingMatchesPyTorch(Named golden) {
        JsonNode c = golden.node();
        Map<String, Parameter> params = parameters(c.get("grads"));
        params.forEach((name, p) -> p.grad().setTo(
                new DMatrixRMaj(matrix(c.get("grads").get(name)))));
        double norm = GradientClipping.clipByGlobalNorm(params,
                c.get("max_norm").asDouble());
        assertEquals(c.get("norm").asDouble(), norm, TOLERANCE
                * Math.max(1, norm), golden + ": norm");
        params.forEach((name, p) -> assertClose(golden + ", " + name,
                matrix(c.get("clipped").get(name)), p.grad()));
    }

    @Test
    void theFileCoversEachOptimizerAndBothSidesOfTheThreshold() {
        JsonNode file = golden();
        assertFalse(file.get("torch_version").asText().isEmpty());
        Set<String> kinds = new TreeSet<>();
        file.get("optimizers").forEach(c -> {
            kinds.add(c.get("optimizer").asText());
            assertTrue(c.get("grads").size() >= 3, c.get("name") + " has"
                    + " fewer than 3 steps");
        });
        assertEquals(Set.of("Adam", "AdamW", "SGD"), kinds);
        boolean below = false;
        boolean above = false;
        for (JsonNode c : file.get("clipping")) {
            below |= c.get("norm").asDouble() < c.get("max_norm").asDouble();
            above |= c.get("norm").asDouble() > c.get("max_norm").asDouble();
        }
        assertTrue(below && above, "clipping cases on one side only");
    }

    @Test
    void theComparisonCatchesADifferenceInTheLastPlaces() {
        double[][] expected = {{2.0}};
        assertClose("test", expected, new DMatrixRMaj(new double[][] {
            {2.0 + 1e-10}}));
        assertThrows(AssertionError.class, () -> assertClose("test",
                expected, new DMatrixRMaj(new double[][] {{2.0 + 3e-10}})));
    }

    static void assertClose(String where, double[][] expected,
            DMatrixRMaj actual) {
        assertEquals(Shapes.of(expected.length, expected[0].length),
                Shapes.of(actual), where + ": shape");
        for (int r = 0; r < actual.numRows; r++) {
            for (int c = 0; c < actual.numCols; c++) {
                double b = expected[r][c];
                double a = actual.get(r, c);
                if (!(Math.abs(a - b) <= TOLERANCE * Math.max(1,
                        Math.abs(b)))) {
                    fail(where + ", element (" + r + ", " + c + "): expected "
                            + b + " (PyTorch), actual " + a + ", difference "
                            + (a - b));
                }
            }
        }
    }

    static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int r = 0; r < m.length; r++) {
            m[r] = new double[rows.get(r).size()];
            for (int c = 0; c < m[r].length; c++) {
                m[r][c] = rows.get(r).get(c).asDouble();
            }
        }
        return m;
    }
}
