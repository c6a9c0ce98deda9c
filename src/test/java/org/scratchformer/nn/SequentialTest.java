package org.scratchformer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

class SequentialTest {

    static Stream<Long> seeds() {
        return RandomCases.seeds(6_301, 20);
    }

    @Test
    void childrenAreNamedByPosition() {
        Random random = new Random(1);
        Sequential model = new Sequential(new Linear(3, 4, random),
                new LayerNorm(4), new Linear(4, 2, false, random));
        assertEquals(List.of("0.weight", "0.bias", "1.gain", "1.bias",
                "2.weight"), List.copyOf(model.parameters().keySet()));
        assertEquals(12 + 4 + 8 + 8, model.parameterCount());
    }

    @Test
    void appliesTheLayersInOrder() {
        Random random = new Random(2);
        Linear first = new Linear(3, 4, random);
        LayerNorm second = new LayerNorm(4);
        Tensor x = Tensor.constant(RandomCases.values(random, 2, 3));
        assertIdentical(second.forward(first.forward(x)).value(),
                new Sequential(first, second).forward(x).value(), "Y");
    }

    @Test
    void noLayersIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, Sequential::new);
        assertEquals("Sequential: needs at least one layer, got none",
                e.getMessage());
    }

    @Test
    void aMissingLayerIsNamedByPosition() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new Sequential(
                        new LayerNorm(2), null));
        assertEquals("Sequential: layer 1 is null", e.getMessage());
    }

    @Test
    void aMismatchInsideTheChainIsReportedByTheLayer() {
        Random random = new Random(3);
        Sequential model = new Sequential(new Linear(3, 4, random),
                new LayerNorm(5));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> model.forward(
                        Tensor.constant(new DMatrixRMaj(2, 3))));
        assertEquals("LayerNorm(5): input (2x4) has 4 columns; it needs 5,"
                + " the width it normalises", e.getMessage());
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void passesTheModuleCheck(long seed) {
        Random random = new Random(seed);
        int in = RandomCases.size(random);
        int width = RandomCases.size(random, 2);
        Sequential model = new Sequential(new Linear(in, width, random),
                new LayerNorm(width), new Linear(width, 3, random));
        Tensor x = Tensor.variable(RandomCases.values(random,
                RandomCases.size(random), in));
        ModuleCheck.of(model).seed(seed).check(x);
    }
}
