package org.scratchformer.ops;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.gradcheck.GradCheck;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Tensor;

/** Every registered op, gradient-checked on random shapes and values. */
class OpCatalogueTest {
    static final int CASES_PER_OP = 50;

    static Stream<Arguments> cases() {
        return OpRegistry.all().stream().flatMap(entry -> RandomCases
                .seeds(entry.name().hashCode(), CASES_PER_OP)
                .map(seed -> {
                    List<Tensor> inputs = entry.inputsFor(seed);
                    return Arguments.of(entry, seed, inputs.stream()
                            .map(Tensor::shape).toList());
                }));
    }

    @ParameterizedTest(name = "{0} seed={1} inputs={2}")
    @MethodSource("cases")
    void backwardMatchesCentralDifferences(OpEntry entry, long seed,
            List<String> shapes) {
        List<Tensor> inputs = entry.inputsFor(seed);
        GradCheck.of(entry.apply()).seed(seed)
                .check(inputs.toArray(Tensor[]::new));
    }
}
