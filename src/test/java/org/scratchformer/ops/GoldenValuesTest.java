package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
    static final String RESOURCE = GoldenValues.RESOURCE;

    static List<GoldenValues.Case> goldenCases() {
        try {
            return GoldenValues.bundled();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static JsonNode golden() {
        try (InputStream in = GoldenValuesTest.class
                .getResourceAsStream(RESOURCE)) {
            return JsonMapper.builder()
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static Stream<GoldenValues.Case> cases() {
        return goldenCases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputAndGradientsMatchPyTorch(GoldenValues.Case golden) {
        String mismatch = GoldenValues.firstMismatch(golden);
        assertTrue(mismatch == null, mismatch);
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
        List<GoldenValues.Case> all = goldenCases();
        for (String op : goldenNames()) {
            Set<String> shapes = all.stream()
                    .filter(c -> c.op().equals(op))
                    .map(GoldenValues.Case::shapes)
                    .collect(Collectors.toSet());
            assertTrue(shapes.size() >= 3, op + " has golden cases of only "
                    + shapes.size() + " distinct shapes: " + shapes);
        }
    }

    @Test
    void theComparisonAllowsRoundingButNoMore() {
        GoldenValues.Case golden = goldenCases().get(0);
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

    static String readError(String json) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> GoldenValues.read(
                        new java.io.ByteArrayInputStream(json.getBytes(
                                java.nio.charset.StandardCharsets.UTF_8)),
                        "bad.json"));
        return e.getMessage();
    }

    @Test
    void aDamagedFileIsReportedWithItsCaseAndField() {
        assertEquals("bad.json: no \"cases\" list", readError("{}"));
        assertEquals("bad.json, case 0: missing field \"dY\"", readError(
                "{\"cases\": [{\"op\": \"neg\", \"case\": 0,"
                + " \"inputs\": [], \"grads\": []}]}"));
        String ragged = readError("{\"cases\": [{\"op\": \"neg\","
                + " \"case\": 0, \"inputs\": [{\"value\": [[1, 2], [3]],"
                + " \"requires_grad\": true}], \"grads\": [null]}]}");
        assertEquals("bad.json, case 0: row 1 has 1 numbers, row 0 has 2",
                ragged);
        String text = readError("{\"cases\": [{\"op\": \"neg\","
                + " \"case\": 0, \"inputs\": [{\"value\": [[\"x\"]],"
                + " \"requires_grad\": true}], \"grads\": [null]}]}");
        assertTrue(text.contains("expected a number at row 0, column 0"),
                text);
    }

    /** The comparison as a test assertion: fails with its message. */
    static void assertClose(GoldenValues.Case golden, String what,
            double[][] expected, DMatrixRMaj actual) {
        String mismatch = GoldenValues.compare(expected, actual);
        assertTrue(mismatch == null, golden.op() + " case " + golden.number()
                + ", " + what + ": " + mismatch);
    }

    // --- helpers ---

    static Set<String> registeredNames() {
        return OpRegistry.all().stream().map(OpEntry::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> goldenNames() {
        return goldenCases().stream().map(GoldenValues.Case::op)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
