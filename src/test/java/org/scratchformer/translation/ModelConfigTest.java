package org.scratchformer.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.transformer.NormPlacement;

/**
 * The parameter count a loader computes from a model's sizes alone is the
 * count of the model those sizes make.
 */
class ModelConfigTest {
    static Stream<Long> seeds() {
        return LongStream.range(0, 20).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theCountFromTheSizesIsTheModelsCount(long seed) {
        Random random = new Random(seed);
        int heads = 1 + random.nextInt(4);
        ModelConfig config = new ModelConfig(2 * heads
                * (1 + random.nextInt(4)), heads, 1 + random.nextInt(40),
                1 + random.nextInt(3), 1 + random.nextInt(3), 0.1,
                random.nextBoolean() ? NormPlacement.PRE : NormPlacement.POST,
                random.nextBoolean());
        int source = 4 + random.nextInt(30);
        int target = 4 + random.nextInt(30);
        Translator model = new Translator(config, source, target, random);
        assertEquals(model.parameterCount(), config.parameterCount(source,
                target), config + ", vocabularies " + source + " and "
                + target);
    }
}
