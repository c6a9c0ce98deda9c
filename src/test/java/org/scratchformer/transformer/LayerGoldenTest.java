package org.scratchformer.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.attention.AttentionMask;
import org.scratchformer.attention.ScaledDotProductAttention;
import org.scratchformer.multihead.MultiHeadAttention;
import org.scratchformer.multihead.MultiHeadAttention.Implementation;
import org.scratchformer.nn.Module;
import org.scratchformer.nn.Parameter;
import org.scratchformer.tensor.Tensor;

/**
 * Attention, multi-head attention and both layers against PyTorch's own
 * modules (golden/layers.json, written by
 * src/test/python/make_golden_layers.py): the weights are loaded by name,
 * and the output and the gradient of every input and weight must agree to
 * 1e-10, for both implementations of attention.
 */
class LayerGoldenTest {
    static final double TOLERANCE = 1e-10;

    record Case(String name, JsonNode json) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        try (InputStream in = LayerGoldenTest.class.getResourceAsStream(
                "/golden/layers.json")) {
            assertNotNull(in, "golden/layers.json is missing: run"
                    + " src/test/python/make_golden_layers.py");
            List<Case> all = new ArrayList<>();
            for (JsonNode c : new JsonMapper().readTree(in).path("cases")) {
                all.add(new Case(c.path("name").asText(), c));
            }
            assertEquals(10, all.size(), "cases in golden/layers.json");
            return all.stream();
        }
    }

    static DMatrixRMaj matrix(JsonNode rows) {
        double[][] values = new double[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            values[r] = new double[rows.get(r).size()];
            for (int c = 0; c < values[r].length; c++) {
                values[r][c] = rows.get(r).get(c).asDouble();
            }
        }
        return new DMatrixRMaj(values);
    }

    static int[] ints(JsonNode list) {
        int[] values = new int[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = list.get(i).asInt();
        }
        return values;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("casesAndImplementations")
    void agreesWithPyTorch(Case c, Implementation implementation) {
        JsonNode json = c.json();
        JsonNode sizes = json.path("sizes");
        int b = sizes.path("B").asInt();
        int t = sizes.path("T").asInt();
        int s = sizes.path("S").asInt();
        int[] targetLengths = ints(json.path("target_lengths"));
        int[] sourceLengths = ints(json.path("source_lengths"));
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        json.path("inputs").fields().forEachRemaining(e -> inputs.put(
                e.getKey(), Tensor.variable(matrix(e.getValue()))));
        AttentionMask selfMask = AttentionMask.causal(b, t)
                .and(AttentionMask.padding(targetLengths, t, t));
        String kind = json.path("kind").asText();
        Module module = switch (kind) {
            case "sdpa" -> null;
            case "mha" -> new MultiHeadAttention(sizes.path("C").asInt(),
                    sizes.path("H").asInt(), implementation, new Random(1));
            case "encoder" -> new EncoderLayer(config(json, implementation),
                    new Random(1));
            default -> new DecoderLayer(config(json, implementation),
                    new Random(1));
        };
        Tensor y;
        if (module == null) {
            y = sdpa(json.path("mask").asText(), inputs, b, t, s,
                    targetLengths, sourceLengths);
        } else {
            load(module, json.path("weights"));
            y = forward(module, inputs, selfMask, t, s, sourceLengths);
        }
        y.backward(matrix(json.path("dY")));
        assertClose(matrix(json.path("output")), y.value(), "output");
        JsonNode grads = json.path("grads");
        inputs.forEach((name, x) -> assertClose(matrix(grads.path(name)),
                x.grad(), "d" + name));
        if (module != null) {
            Map<String, Parameter> parameters = module.parameters();
            assertEquals(fieldNames(json.path("weights")), List.copyOf(
                    parameters.keySet()).stream().sorted().toList(),
                    "parameter names");
            parameters.forEach((name, p) -> assertClose(
                    matrix(grads.path(name)), p.grad(), "d" + name));
        }
    }

    static Stream<org.junit.jupiter.params.provider.Arguments>
            casesAndImplementations() throws IOException {
        return cases().flatMap(c -> Stream.of(Implementation.values())
                .map(i -> org.junit.jupiter.params.provider.Arguments.of(c,
                        i)));
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }

    static LayerConfig config(JsonNode json, Implementation implementation) {
        JsonNode sizes = json.path("sizes");
        NormPlacement norm = json.path("norm").asText().equals("pre")
                ? NormPlacement.PRE : NormPlacement.POST;
        return LayerConfig.of(sizes.path("C").asInt(),
                sizes.path("H").asInt(), sizes.path("F").asInt(), 0)
                .withNorm(norm).withImplementation(implementation);
    }

    /** PyTorch's weights, through the public API that checks names. */
    static void load(Module module, JsonNode weights) {
        Map<String, DMatrixRMaj> byName = new LinkedHashMap<>();
        weights.fields().forEachRemaining(e -> byName.put(e.getKey(),
                matrix(e.getValue())));
        module.load(byName);
    }

    /** The module's forward on the case's inputs and masks. */
    static Tensor forward(Module module, Map<String, Tensor> inputs,
            AttentionMask selfMask, int t, int s, int[] sourceLengths) {
        if (module instanceof MultiHeadAttention mha) {
            return inputs.containsKey("z")
                    ? mha.forward(inputs.get("x"), inputs.get("z"),
                            AttentionMask.padding(sourceLengths, t, s))
                    : mha.forward(inputs.get("x"), selfMask);
        }
        if (module instanceof EncoderLayer layer) {
            return layer.forward(inputs.get("x"),
                    AttentionMask.padding(sourceLengths, s, s));
        }
        return ((DecoderLayer) module).forward(inputs.get("x"),
                inputs.get("memory"), selfMask,
                AttentionMask.padding(sourceLengths, t, s));
    }

    static Tensor sdpa(String mask, Map<String, Tensor> inputs, int b,
            int t, int s, int[] targetLengths, int[] sourceLengths) {
        AttentionMask m = switch (mask) {
            case "none" -> AttentionMask.none(b, t, s);
            case "padding" -> AttentionMask.padding(sourceLengths, t, s);
            case "causal" -> AttentionMask.causal(b, t);
            default -> AttentionMask.causal(b, t)
                    .and(AttentionMask.padding(targetLengths, t, t));
        };
        return ScaledDotProductAttention.attend(inputs.get("q"),
                inputs.get("k"), inputs.get("v"), m).output();
    }

    static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual,
            String what) {
        assertEquals(expected.numRows, actual.numRows, what + " rows");
        assertEquals(expected.numCols, actual.numCols, what + " cols");
        for (int i = 0; i < expected.getNumElements(); i++) {
            double e = expected.get(i);
            assertTrue(Math.abs(actual.get(i) - e)
                    <= TOLERANCE * Math.max(1, Math.abs(e)), what
                    + " element (" + i / expected.numCols + ", "
                    + i % expected.numCols + "): PyTorch " + e + ", here "
                    + actual.get(i));
        }
    }
}
