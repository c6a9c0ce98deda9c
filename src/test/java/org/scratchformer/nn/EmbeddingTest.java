package org.scratchformer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.scratchformer.nn.NnAssertions.assertClose;
import static org.scratchformer.nn.NnAssertions.assertIdentical;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Tensor;

class EmbeddingTest {

    static Stream<Long> seeds() {
        return RandomCases.seeds(6_401, 20);
    }

    /** A 4 × 2 table with rows (v, 10·v). */
    static Embedding handMade() {
        Embedding table = new Embedding(4, 2, new Random(1));
        table.weight().value().setTo(new DMatrixRMaj(new double[][] {
            {0, 0}, {1, 10}, {2, 20}, {3, 30}}));
        return table;
    }

    @Test
    void gathersTheRowsOfTheIds() {
        Tensor y = handMade().forward(3, 1, 3);
        assertClose(new double[][] {{3, 30}, {1, 10}, {3, 30}}, y.value(),
                0, "Y");
    }

    @Test
    void aRepeatedIdCollectsTheGradientOfEachPosition() {
        Embedding table = handMade();
        table.forward(3, 1, 3).backward(new DMatrixRMaj(new double[][] {
            {1, 2}, {3, 4}, {5, 6}}));
        // row 3 was used at positions 0 and 2: (1, 2) + (5, 6)
        assertClose(new double[][] {{0, 0}, {3, 4}, {0, 0}, {6, 8}},
                table.weight().grad(), 0, "dW");
    }

    @Test
    void idsAsIntsAndAsAConstantRowAgree() {
        Embedding table = new Embedding(5, 3, new Random(2));
        Tensor ids = Tensor.constant(new double[][] {{4, 0, 2}});
        assertIdentical(table.forward(ids).value(),
                table.forward(4, 0, 2).value(), "Y");
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void startsFromAStandardNormalTableDrawnFromTheSeed(long seed) {
        Embedding table = new Embedding(7, 3, new Random(seed));
        assertIdentical(Init.normal(7, 3, 1.0, new Random(seed)),
                table.weight().value(), "seed=" + seed);
        assertEquals(List.of("weight"), List.copyOf(table.parameters()
                .keySet()));
        assertEquals(21, table.parameterCount());
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void passesTheModuleCheckWithRepeatedIds(long seed) {
        Random random = new Random(seed);
        int vocab = RandomCases.size(random);
        Embedding table = new Embedding(vocab, RandomCases.size(random),
                random);
        // more positions than rows: some id repeats
        DMatrixRMaj ids = new DMatrixRMaj(1, vocab + 2);
        for (int n = 0; n < ids.numCols; n++) {
            ids.set(0, n, random.nextInt(vocab));
        }
        ModuleCheck.of(table).inputNames("ids").seed(seed)
                .check(Tensor.constant(ids));
    }

    @Test
    void anIdOutOfRangeNamesItsPositionAndTheVocabulary() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> handMade().forward(1, 4));
        assertEquals("Embedding(4 × 2): index 4 at position 1 is not a token"
                + " id of the vocabulary of 4; allowed are 0 to 3",
                e.getMessage());
    }

    @Test
    void aNegativeIdIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> handMade().forward(-1));
        assertEquals("Embedding(4 × 2): index -1 at position 0 is not a token"
                + " id of the vocabulary of 4; allowed are 0 to 3",
                e.getMessage());
    }

    @Test
    void aFractionalIdIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> handMade().forward(
                        Tensor.constant(new double[][] {{0, 1.5}})));
        assertEquals("Embedding(4 × 2): index 1.5 at position 1 is not a"
                + " token id of the vocabulary of 4; allowed are 0 to 3",
                e.getMessage());
    }

    @Test
    void idsThatWantAGradientAreRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> handMade().forward(
                        Tensor.variable(new double[][] {{0, 1}})));
        assertEquals("Embedding(4 × 2): the indices must be a constant"
                + " (Tensor.constant); ids take no gradient", e.getMessage());
    }

    @Test
    void idsInAColumnAreRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> handMade().forward(
                        Tensor.constant(new double[][] {{0}, {1}})));
        assertEquals("Embedding(4 × 2): the indices (2x1) must be one row"
                + " (1xN)", e.getMessage());
    }

    @Test
    void anEmptyTableIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new Embedding(0, 4, new Random(1)));
        assertEquals("Embedding: vocabulary and width must be at least 1, got"
                + " vocabulary 0, width 4", e.getMessage());
    }
}
