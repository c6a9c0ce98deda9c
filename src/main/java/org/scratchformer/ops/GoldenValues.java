package org.scratchformer.ops;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.Shapes;
import org.scratchformer.tensor.Tensor;

/**
 * The second oracle: outputs and gradients that PyTorch computed for the
 * registered ops, read from {@code golden/ops.json} (written by
 * {@code src/test/python/make_golden.py}, whose docstring gives the layout).
 * The file is a resource of the program ({@code src/main/resources}), so
 * {@link #bundled()} finds it in the packaged jar from any directory.
 *
 * <p>The file is read as untrusted input: a missing field, a ragged matrix
 * or a non-number is reported with the file, the case and the field.
 */
public final class GoldenValues {
    /** |actual − expected| ≤ TOLERANCE · max(1, |expected|). */
    public static final double TOLERANCE = 1e-10;

    /** Where the program's own golden values are on the classpath. */
    public static final String RESOURCE = "/golden/ops.json";

    private GoldenValues() {
    }

    /** Reads the golden values packaged with the program. */
    public static List<Case> bundled() throws IOException {
        try (InputStream in = GoldenValues.class
                .getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the"
                        + " classpath: the program was built without its"
                        + " golden values");
            }
            return read(in, RESOURCE);
        }
    }

    /**
     * One case: inputs, the upstream gradient dY, and PyTorch's output and
     * input gradients (null for a constant input).
     */
    public record Case(String op, int number, List<double[][]> inputs,
            List<Boolean> requiresGrad, double[][] dY, double[][] output,
            List<double[][]> grads) {

        /** Input shapes and the output shape, e.g. (2x3)·(3x4) → (2x4). */
        public String shapes() {
            return inputs.stream().map(GoldenValues::shape)
                    .collect(Collectors.joining("·")) + " → "
                    + shape(output);
        }

        @Override
        public String toString() {
            return op + " case " + number + " " + shapes();
        }
    }

    /** Reads every case; {@code source} names the file in messages. */
    public static List<Case> read(InputStream in, String source)
            throws IOException {
        // the masks of add_mask hold -Infinity, which strict JSON lacks
        JsonMapper mapper = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
        JsonNode cases = mapper.readTree(in).path("cases");
        if (!cases.isArray()) {
            throw new IllegalArgumentException(source + ": no \"cases\" list");
        }
        List<Case> all = new ArrayList<>();
        for (JsonNode c : cases) {
            String where = source + ", case " + all.size();
            List<double[][]> inputs = new ArrayList<>();
            List<Boolean> requiresGrad = new ArrayList<>();
            for (JsonNode input : field(c, "inputs", where)) {
                inputs.add(matrix(field(input, "value", where), where));
                requiresGrad.add(field(input, "requires_grad", where)
                        .asBoolean());
            }
            List<double[][]> grads = new ArrayList<>();
            for (JsonNode grad : field(c, "grads", where)) {
                grads.add(grad.isNull() ? null : matrix(grad, where));
            }
            if (grads.size() != inputs.size()) {
                throw new IllegalArgumentException(where + ": " + grads.size()
                        + " gradients for " + inputs.size() + " inputs");
            }
            all.add(new Case(field(c, "op", where).asText(),
                    field(c, "case", where).asInt(), inputs, requiresGrad,
                    matrix(field(c, "dY", where), where),
                    matrix(field(c, "output", where), where), grads));
        }
        return all;
    }

    /**
     * Runs the registered op on the case's inputs, backpropagates dY and
     * returns the first number that differs from PyTorch's beyond
     * {@link #TOLERANCE}, or null if every number matches.
     */
    public static String firstMismatch(Case golden) {
        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; i < golden.inputs().size(); i++) {
            double[][] value = golden.inputs().get(i);
            inputs.add(golden.requiresGrad().get(i) ? Tensor.variable(value)
                    : Tensor.constant(value));
        }
        Tensor y = OpRegistry.get(golden.op()).apply().apply(inputs);
        y.backward(new DMatrixRMaj(golden.dY()));
        String mismatch = compare(golden.output(), y.value());
        if (mismatch != null) {
            return golden + ", output: " + mismatch;
        }
        for (int i = 0; i < inputs.size(); i++) {
            double[][] expected = golden.grads().get(i);
            if (expected == null) {
                continue;  // a constant input: PyTorch gave no gradient
            }
            mismatch = compare(expected, inputs.get(i).grad());
            if (mismatch != null) {
                return golden + ", grad of input " + i + ": " + mismatch;
            }
        }
        return null;
    }

    /**
     * Elementwise |a − b| ≤ 1e-10 · max(1, |b|), b the expected value;
     * equal infinities match. Null if close, else where and by how much.
     */
    public static String compare(double[][] expected, DMatrixRMaj actual) {
        if (!shape(expected).equals(Shapes.of(actual))) {
            return "shape " + Shapes.of(actual) + ", expected "
                    + shape(expected);
        }
        for (int r = 0; r < actual.numRows; r++) {
            for (int c = 0; c < actual.numCols; c++) {
                double b = expected[r][c];
                double a = actual.get(r, c);
                boolean close = Double.isInfinite(b) ? a == b
                        : Math.abs(a - b)
                                <= TOLERANCE * Math.max(1, Math.abs(b));
                if (!close) {
                    return "element (" + r + ", " + c + "): expected " + b
                            + " (PyTorch), actual " + a + ", difference "
                            + (a - b);
                }
            }
        }
        return null;
    }

    static String shape(double[][] m) {
        return Shapes.of(m.length, m.length == 0 ? 0 : m[0].length);
    }

    private static JsonNode field(JsonNode node, String name, String where) {
        JsonNode value = node.get(name);
        if (value == null) {
            throw new IllegalArgumentException(where + ": missing field \""
                    + name + "\"");
        }
        return value;
    }

    private static double[][] matrix(JsonNode rows, String where) {
        if (!rows.isArray() || rows.isEmpty() || !rows.get(0).isArray()) {
            throw new IllegalArgumentException(where + ": a matrix must be a"
                    + " non-empty list of rows, got " + rows);
        }
        double[][] m = new double[rows.size()][];
        for (int r = 0; r < m.length; r++) {
            JsonNode row = rows.get(r);
            if (!row.isArray() || row.size() != rows.get(0).size()) {
                throw new IllegalArgumentException(where + ": row " + r
                        + " has " + row.size() + " numbers, row 0 has "
                        + rows.get(0).size());
            }
            m[r] = new double[row.size()];
            for (int c = 0; c < m[r].length; c++) {
                JsonNode number = row.get(c);
                if (!number.isNumber()) {
                    throw new IllegalArgumentException(where + ": expected a"
                            + " number at row " + r + ", column " + c
                            + ", got " + number);
                }
                m[r][c] = number.asDouble();
            }
        }
        return m;
    }
}
