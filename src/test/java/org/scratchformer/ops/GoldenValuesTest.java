package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.tensor.Shapes;
import org.scratchformer.tensor.Tensor;

/**
 * The second oracle: every registered op against PyTorch.
 *
 * <p>{@code golden/ops.json} holds, for each op, a few cases of inputs, an
 * upstream gradient dY, and the output and input gradients that PyTorch
 * computed with autograd in float64. The file is written by
 * {@code src/test/python/make_golden.py} (its docstring describes the
 * layout); each case here rebuilds the inputs, applies the registered op,
 * backpropagates dY and compares every number.
 */
class GoldenValuesTest {
    static final String RESOURCE = "/golden/ops.json";

    /** |actual − expected| ≤ TOLERANCE · max(1, |expected|). */
    static final double TOLERANCE = 1e-10;

    /** One case of the file: inputs, dY, and what PyTorch computed. */
    record GoldenCase(String op, int number, List<double[][]> inputs,
            List<Boolean> requiresGrad, double[][] dY, double[][] output,
            List<double[][]> grads) {

        /** Input shapes and the output shape, e.g. (2x3)·(3x4) → (2x4). */
        String shapes() {
            return inputs.stream().map(GoldenValuesTest::shape)
                    .collect(Collectors.joining("·")) + " → "
                    + shape(output);
        }

        @Override
        public String toString() {
            return op + " case " + number + " " + shapes();
        }
    }

    static JsonNode golden() {
        // the masks of add_mask hold -Infinity, which strict JSON lacks
        JsonMapper mapper = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
        try (InputStream in = GoldenValuesTest.class
                .getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE + " is not on the test classpath");
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static List<GoldenCase> goldenCases() {
        List<GoldenCase> cases = new ArrayList<>();
        for (JsonNode c : golden().get("cases")) {
            List<double[][]> inputs = new ArrayList<>();
            List<Boolean> requiresGrad = new ArrayList<>();
            for (JsonNode input : c.get("inputs")) {
                inputs.add(matrix(input.get("value")));
                requiresGrad.add(input.get("requires_grad").asBoolean());
            }
            List<double[][]> grads = new ArrayList<>();
            for (JsonNode grad : c.get("grads")) {
                grads.add(grad.isNull() ? null : matrix(grad));
            }
            cases.add(new GoldenCase(c.get("op").asText(),
                    c.get("case").asInt(), inputs, requiresGrad,
                    matrix(c.get("dY")), matrix(c.get("output")), grads));
        }
        return cases;
    }

    static Stream<GoldenCase> cases() {
        return goldenCases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputAndGradientsMatchPyTorch(GoldenCase golden) {
        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; i < golden.inputs().size(); i++) {
            double[][] value = golden.inputs().get(i);
            inputs.add(golden.requiresGrad().get(i) ? Tensor.variable(value)
                    : Tensor.constant(value));
        }
        Tensor y = OpRegistry.get(golden.op()).apply().apply(inputs);
        y.backward(new DMatrixRMaj(golden.dY()));

        assertClose(golden, "output", golden.output(), y.value());
        for (int i = 0; i < inputs.size(); i++) {
            double[][] expected = golden.grads().get(i);
            if (expected == null) {
                assertFalse(inputs.get(i).requiresGrad(), golden
                        + ": input " + i + " is a constant in the file");
            } else {
                assertClose(golden, "grad of input " + i, expected,
                        inputs.get(i).grad());
            }
        }
    }

    @Test
    void everyRegisteredOpHasAGoldenCase() {
        Set<String> golden = goldenNames();
        Set<String> missing = new TreeSet<>(registeredNames());
        missing.removeAll(golden);
        assertTrue(missing.isEmpty(), "registered ops without a golden case"
                + " (add them to src/test/python/make_golden.py): "
                + missing);
    }

    @Test
    void everyGoldenOpIsRegistered() {
        Set<String> golden = goldenNames();
        Set<String> registered = registeredNames();
        Set<String> missing = new TreeSet<>(golden);
        missing.removeAll(registered);
        assertTrue(missing.isEmpty(), "golden ops that the registry does not"
                + " know (misspelt in the file or in the registry?): "
                + missing + "; registered: " + registered);
    }

    @Test
    void theFileNamesItsOrigin() {
        JsonNode file = golden();
        assertFalse(file.path("torch_version").asText().isEmpty(),
                "torch_version");
        assertFalse(file.path("generator").asText().isEmpty(), "generator");
    }

    @Test
    void everyGoldenOpHasAtLeastThreeShapes() {
        List<GoldenCase> all = goldenCases();
        for (String op : goldenNames()) {
            Set<String> shapes = all.stream()
                    .filter(c -> c.op().equals(op))
                    .map(GoldenCase::shapes)
                    .collect(Collectors.toSet());
            assertTrue(shapes.size() >= 3, op + " has golden cases of only "
                    + shapes.size() + " distinct shapes: " + shapes);
        }
    }

    @Test
    void theComparisonAllowsRoundingButNoMore() {
        GoldenCase golden = goldenCases().get(0);
        double[][] expected = {{1.0, Double.NEGATIVE_INFINITY}};
        DMatrixRMaj close = new DMatrixRMaj(new double[][] {
                {1.0 + 0.5e-10, Double.NEGATIVE_INFINITY}});
        assertClose(golden, "output", expected, close);
        DMatrixRMaj off = new DMatrixRMaj(new double[][] {
                {1.0 + 2e-10, Double.NEGATIVE_INFINITY}});
        AssertionError e = assertThrows(AssertionError.class,
                () -> assertClose(golden, "output", expected, off));
        assertTrue(e.getMessage().contains("element (0, 0)"), e.getMessage());
        // an infinity is matched only by the same infinity
        DMatrixRMaj finite = new DMatrixRMaj(new double[][] {
                {1.0, -1e300}});
        assertThrows(AssertionError.class,
                () -> assertClose(golden, "output", expected, finite));
    }

    // --- comparison ---

    /**
     * Elementwise |a − b| ≤ 1e-10 · max(1, |b|), b the expected value; equal
     * infinities match. The message names op, case, tensor and element.
     */
    static void assertClose(GoldenCase golden, String what,
            double[][] expected, DMatrixRMaj actual) {
        String where = golden.op() + " case " + golden.number() + ", " + what;
        assertEquals(shape(expected), Shapes.of(actual), where + ": shape");
        for (int r = 0; r < actual.numRows; r++) {
            for (int c = 0; c < actual.numCols; c++) {
                double b = expected[r][c];
                double a = actual.get(r, c);
                boolean close = Double.isInfinite(b) ? a == b
                        : Math.abs(a - b)
                                <= TOLERANCE * Math.max(1, Math.abs(b));
                if (!close) {
                    fail(where + ", element (" + r + ", " + c
                            + "): expected " + b + " (PyTorch), actual " + a
                            + ", difference " + (a - b));
                }
            }
        }
    }

    // --- helpers ---

    static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int r = 0; r < m.length; r++) {
            JsonNode row = rows.get(r);
            m[r] = new double[row.size()];
            for (int c = 0; c < m[r].length; c++) {
                JsonNode number = row.get(c);
                if (!number.isNumber()) {
                    throw new IllegalStateException(RESOURCE + ": expected a"
                            + " number at row " + r + ", column " + c
                            + ", got " + number);
                }
                m[r][c] = number.asDouble();
            }
        }
        return m;
    }

    static String shape(double[][] m) {
        return Shapes.of(m.length, m[0].length);
    }

    static Set<String> registeredNames() {
        return OpRegistry.all().stream().map(OpEntry::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> goldenNames() {
        return goldenCases().stream().map(GoldenCase::op)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
