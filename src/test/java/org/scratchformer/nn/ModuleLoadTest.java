package org.scratchformer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scratchformer.nn.NnAssertions.assertIdentical;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Tensor;

/**
 * Weights in and out by name: stateDict, load, loadArrays and
 * Parameter.set, with every way a given set of weights can be wrong.
 */
class ModuleLoadTest {

    /** norm.gain (1x4), norm.bias (1x4), ffn.0.weight (4x6), ffn.0.bias
     *  (1x6), ffn.1.weight (6x4). */
    static ModuleTest.Block block(long seed) {
        return new ModuleTest.Block(new Random(seed));
    }

    static Tensor input() {
        return Tensor.constant(RandomCases.values(new Random(5), 3, 4));
    }

    /** Every parameter's value, copied, to compare before and after. */
    static Map<String, DMatrixRMaj> snapshot(Module m) {
        return m.stateDict();
    }

    static void assertUnchanged(Map<String, DMatrixRMaj> before, Module m) {
        before.forEach((name, value) -> assertIdentical(value,
                m.parameters().get(name).value(), name));
    }

    static String refused(Executable load) {
        return assertThrows(IllegalArgumentException.class, load)
                .getMessage();
    }

    @Test
    void aLoadedModuleComputesWhatTheOriginalComputes() {
        ModuleTest.Block trained = block(1);
        ModuleTest.Block fresh = block(2);
        fresh.load(trained.stateDict());
        assertIdentical(trained.forward(input()).value(),
                fresh.forward(input()).value(), "Y");
        trained.stateDict().forEach((name, value) -> assertIdentical(value,
                fresh.stateDict().get(name), name));
    }

    @Test
    void theStateDictNamesEveryParameterInOrder() {
        ModuleTest.Block b = block(1);
        assertEquals(List.copyOf(b.parameters().keySet()),
                List.copyOf(b.stateDict().keySet()));
    }

    @Test
    void theStateDictIsACopy() {
        ModuleTest.Block b = block(1);
        Map<String, DMatrixRMaj> before = snapshot(b);
        b.stateDict().get("norm.gain").set(0, 0, 42);
        assertUnchanged(before, b);
        assertNotSame(b.norm.gain().value(), b.stateDict().get("norm.gain"));
    }

    @Test
    void loadCopiesTheGivenMatricesAndKeepsItsOwn() {
        ModuleTest.Block b = block(1);
        DMatrixRMaj ownGain = b.norm.gain().value();
        Map<String, DMatrixRMaj> given = block(2).stateDict();
        b.load(given);
        given.get("norm.gain").set(0, 0, 42);  // the caller's, not b's
        assertSame(ownGain, b.norm.gain().value());  // optimizers hold it
        assertIdentical(block(2).norm.gain().value(), b.norm.gain().value(),
                "norm.gain");
    }

    @Test
    void aMissingNameIsRefusedAndNothingIsWritten() {
        ModuleTest.Block b = block(1);
        Map<String, DMatrixRMaj> before = snapshot(b);
        Map<String, DMatrixRMaj> given = block(2).stateDict();
        given.remove("ffn.1.weight");
        String message = refused(() -> b.load(given));
        assertEquals("Block.load: nothing was loaded; 1 problem:\n"
                + "  'ffn.1.weight': missing; the parameter is (6x4)",
                message);
        assertUnchanged(before, b);
    }

    @Test
    void anUnexpectedNameIsRefusedAndNothingIsWritten() {
        ModuleTest.Block b = block(1);
        Map<String, DMatrixRMaj> before = snapshot(b);
        Map<String, DMatrixRMaj> given = block(2).stateDict();
        given.put("ffn.1.bias", new DMatrixRMaj(1, 4));
        String message = refused(() -> b.load(given));
        assertEquals("Block.load: nothing was loaded; 1 problem:\n"
                + "  unexpected 'ffn.1.bias' (1x4): no such parameter",
                message);
        assertUnchanged(before, b);
    }

    @Test
    void aWrongShapeNamesBothShapesAndNothingIsWritten() {
        ModuleTest.Block b = block(1);
        Map<String, DMatrixRMaj> before = snapshot(b);
        // the first entries are valid, the last one is transposed
        Map<String, DMatrixRMaj> given = block(2).stateDict();
        given.put("ffn.1.weight", new DMatrixRMaj(4, 6));
        String message = refused(() -> b.load(given));
        assertEquals("Block.load: nothing was loaded; 1 problem:\n"
                + "  'ffn.1.weight': the given matrix is (4x6), the"
                + " parameter (6x4)", message);
        assertUnchanged(before, b);
    }

    @Test
    void aNonFiniteValueIsRefusedWithItsElement() {
        ModuleTest.Block b = block(1);
        Map<String, DMatrixRMaj> before = snapshot(b);
        Map<String, DMatrixRMaj> given = block(2).stateDict();
        given.get("ffn.0.bias").set(0, 5, Double.NaN);
        given.get("norm.bias").set(0, 1, Double.NEGATIVE_INFINITY);
        String message = refused(() -> b.load(given));
        assertTrue(message.contains("2 problems"), message);
        assertTrue(message.contains("'ffn.0.bias': element (0,5) is NaN;"
                + " values must be finite"), message);
        assertTrue(message.contains("'norm.bias': element (0,1) is"
                + " -Infinity"), message);
        assertUnchanged(before, b);
    }

    @Test
    void aTypoIsReportedAsOneMissingAndOneUnexpectedName() {
        ModuleTest.Block b = block(1);
        Map<String, DMatrixRMaj> given = block(2).stateDict();
        given.put("norm.gian", given.remove("norm.gain"));
        String message = refused(() -> b.load(given));
        assertTrue(message.startsWith("Block.load: nothing was loaded;"
                + " 2 problems:\n"), message);
        assertTrue(message.contains("\n  'norm.gain': missing; the"
                + " parameter is (1x4)"), message);
        assertTrue(message.contains("\n  unexpected 'norm.gian' (1x4): no"
                + " such parameter"), message);
    }

    @Test
    void nullsAreRefusedWithTheirName() {
        ModuleTest.Block b = block(1);
        assertEquals("Block.load: the map of weights is null",
                refused(() -> b.load(null)));
        Map<String, DMatrixRMaj> given = block(2).stateDict();
        given.put("norm.bias", null);
        assertTrue(refused(() -> b.load(given)).contains(
                "'norm.bias': the given matrix is null"));
        Map<String, DMatrixRMaj> extra = block(2).stateDict();
        extra.put("norm.scale", null);
        assertTrue(refused(() -> b.load(extra)).contains(
                "unexpected 'norm.scale' (null)"));
    }

    @Test
    void arraysLoadLikeMatrices() {
        ModuleTest.Block trained = block(1);
        Map<String, double[][]> arrays = new LinkedHashMap<>();
        trained.stateDict().forEach((name, m) -> {
            double[][] rows = new double[m.numRows][m.numCols];
            for (int i = 0; i < m.numRows; i++) {
                for (int j = 0; j < m.numCols; j++) {
                    rows[i][j] = m.get(i, j);
                }
            }
            arrays.put(name, rows);
        });
        ModuleTest.Block fresh = block(2);
        fresh.loadArrays(arrays);
        assertIdentical(trained.forward(input()).value(),
                fresh.forward(input()).value(), "Y");
    }

    @Test
    void raggedArraysAreRefusedWithTheirNameAndRow() {
        ModuleTest.Block b = block(1);
        Map<String, DMatrixRMaj> before = snapshot(b);
        Map<String, double[][]> arrays = new LinkedHashMap<>();
        arrays.put("norm.gain", new double[][] {{1, 2, 3, 4}});
        arrays.put("ffn.1.weight", new double[][] {{1, 2, 3, 4}, {1, 2}});
        assertEquals("Block.loadArrays: nothing was loaded; 'ffn.1.weight':"
                + " rows of numbers must all have 4 columns (as row 0),"
                + " row 1 has 2", refused(() -> b.loadArrays(arrays)));
        assertUnchanged(before, b);
        arrays.put("ffn.1.weight", new double[0][]);
        assertTrue(refused(() -> b.loadArrays(arrays)).endsWith(
                "'ffn.1.weight': rows of numbers must be non-empty, got no"
                + " rows"));
    }

    @Test
    void malformedRowsAreRefusedBySet() {
        Parameter p = new Parameter(new DMatrixRMaj(2, 2));
        assertEquals("rows of numbers must be non-empty, got null",
                refused(() -> p.set((double[][]) null)));
        assertEquals("rows of numbers must be non-empty, got an empty first"
                + " row", refused(() -> p.set(new double[][] {{}})));
        assertEquals("rows of numbers must all have 2 columns (as row 0),"
                + " row 1 has none (null)", refused(() -> p.set(
                        new double[][] {{1, 2}, null})));
    }

    @Test
    void aModuleWithoutParametersLoadsTheEmptyMap() {
        Dropout dropout = new Dropout(0.1, new Random(1));
        assertEquals(Map.of(), dropout.stateDict());
        dropout.load(Map.of());
        assertTrue(refused(() -> dropout.load(Map.of("weight",
                new DMatrixRMaj(1, 1)))).contains(
                        "unexpected 'weight' (1x1): no such parameter"));
    }

    /** One matrix used twice, as tied input and output embeddings are. */
    static final class Tied extends Module {
        final Parameter shared = parameter("embedding",
                new Parameter(new DMatrixRMaj(2, 3)));

        Tied() {
            parameter("unembedding", shared);
        }
    }

    @Test
    void aTiedParameterMustBeGivenOneValue() {
        Tied tied = new Tied();
        Map<String, DMatrixRMaj> given = new LinkedHashMap<>();
        given.put("embedding", new DMatrixRMaj(new double[][] {
            {1, 2, 3}, {4, 5, 6}}));
        given.put("unembedding", new DMatrixRMaj(new double[][] {
            {1, 2, 3}, {4, 5, 7}}));
        assertTrue(refused(() -> tied.load(given)).contains(
                "'embedding' and 'unembedding' are one parameter (tied) but"
                + " are given different values"));
        given.get("unembedding").set(1, 2, 6);
        tied.load(given);
        assertEquals(6, tied.shared.value().get(1, 2));
    }

    // --- one parameter ---

    @Test
    void setCopiesIntoTheParametersOwnMatrix() {
        Parameter p = new Parameter(new DMatrixRMaj(2, 2));
        DMatrixRMaj own = p.value();
        DMatrixRMaj given = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
        p.set(given);
        given.set(0, 0, 42);
        assertSame(own, p.value());
        assertIdentical(new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}}),
                p.value(), "value");
        p.set(new double[][] {{5, 6}, {7, 8}});
        assertEquals(8, p.value().get(1, 1));
    }

    @Test
    void setRefusesAnotherShapeAndChangesNothing() {
        Parameter p = new Parameter(new DMatrixRMaj(new double[][] {
            {1, 2, 3}}));
        assertEquals("parameter (1x3) cannot be set: the given matrix is"
                + " (3x1), the parameter (1x3)", refused(() -> p.set(
                        new DMatrixRMaj(3, 1))));
        assertEquals("parameter (1x3) cannot be set: element (0,2) is"
                + " Infinity; values must be finite", refused(() -> p.set(
                        new double[][] {{0, 0, Double.POSITIVE_INFINITY}})));
        assertEquals("parameter (1x3) cannot be set: the given matrix is"
                + " null", refused(() -> p.set((DMatrixRMaj) null)));
        assertIdentical(new DMatrixRMaj(new double[][] {{1, 2, 3}}),
                p.value(), "value");
    }

    @Test
    @SuppressWarnings("try")  // the substitution is held for its effect
    void setDuringASubstitutionWritesTheParametersOwnValue() {
        Parameter p = new Parameter(new DMatrixRMaj(1, 2));
        Tensor leaf = Tensor.variable(new DMatrixRMaj(1, 2));
        try (Parameter.Substitution s = p.substitute(leaf)) {
            p.set(new double[][] {{1, 2}});
        }
        assertEquals(2, p.value().get(0, 1));
        assertEquals(0, leaf.value().get(0, 1));
    }
}
