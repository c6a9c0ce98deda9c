package org.scratchformer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchformer.tensor.Tensor;

/**
 * The layers' and initializers' arguments at the edges of their ranges:
 * each bound refused on its own, with its message, and the edge accepted.
 */
class NnArgumentsTest {
    static final Random RANDOM = new Random(1);

    static String message(Executable code) {
        return assertThrows(IllegalArgumentException.class, code)
                .getMessage();
    }

    @Test
    void aParameterNeedsARowAndAColumn() {
        assertEquals("zeros: a parameter needs at least one row and one"
                + " column, got (0x3)", message(() -> Init.zeros(0, 3)));
        assertEquals("ones: a parameter needs at least one row and one"
                + " column, got (3x0)", message(() -> Init.ones(3, 0)));
        assertEquals("xavierUniform: a parameter needs at least one row and"
                + " one column, got (1x0)", message(() -> Init.xavierUniform(
                        1, 0, RANDOM)));
        assertEquals("normal: a parameter needs at least one row and one"
                + " column, got (0x1)", message(() -> Init.normal(0, 1, 1,
                        RANDOM)));
        assertEquals(1, Init.ones(1, 1).get(0, 0));
    }

    @ParameterizedTest(name = "std={0}")
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void aStandardDeviationMustBePositiveAndFinite(double std) {
        assertEquals("normal: the standard deviation must be positive and"
                + " finite, got " + std, message(() -> Init.normal(2, 2, std,
                        RANDOM)));
    }

    @ParameterizedTest(name = "p={0}")
    @ValueSource(doubles = {-0.1, 1, Double.NaN})
    void aDropoutProbabilityMustBeInZeroToOne(double p) {
        assertEquals("Dropout: p must be in [0, 1), the probability of"
                + " zeroing an element, got " + p, message(() -> new Dropout(
                        p, RANDOM)));
    }

    @Test
    void aDropoutOfZeroIsTheIdentity() {
        Dropout dropout = new Dropout(0, RANDOM);
        Tensor x = Tensor.variable(new double[][] {{1, 2}});
        assertEquals(x, dropout.forward(x));
    }

    @Test
    void anEmbeddingNeedsAVocabularyAndAWidth() {
        assertEquals("Embedding: vocabulary and width must be at least 1,"
                + " got vocabulary 0, width 4", message(() -> new Embedding(
                        0, 4, RANDOM)));
        assertEquals("Embedding: vocabulary and width must be at least 1,"
                + " got vocabulary 4, width 0", message(() -> new Embedding(
                        4, 0, RANDOM)));
        assertEquals(1, new Embedding(1, 1, RANDOM).forward(0).rows());
    }

    @Test
    void anEmbeddingIndexIsAWholeNumberInTheVocabulary() {
        Embedding embedding = new Embedding(3, 2, RANDOM);
        String range = " is not a token id of the vocabulary of 3; allowed"
                + " are 0 to 2";
        assertEquals("Embedding(3 × 2): index 3 at position 1" + range,
                message(() -> embedding.forward(0, 3)));
        assertEquals("Embedding(3 × 2): index -1 at position 0" + range,
                message(() -> embedding.forward(-1)));
        assertEquals("Embedding(3 × 2): index 1.5 at position 0" + range,
                message(() -> embedding.forward(Tensor.constant(
                        new double[][] {{1.5}}))));
        assertEquals("Embedding(3 × 2): index 1.0E20 at position 0" + range,
                message(() -> embedding.forward(Tensor.constant(
                        new double[][] {{1e20}}))));
        assertEquals("Embedding(3 × 2): index 1.0E15 at position 0" + range,
                message(() -> embedding.forward(Tensor.constant(
                        new double[][] {{1e15}}))), "1e15 in full is long");
        assertEquals(3, embedding.forward(0, 1, 2).rows(), "0 to 2 allowed");
    }
}
