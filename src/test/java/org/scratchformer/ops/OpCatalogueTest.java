package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.gradcheck.GradCheckReport;
import org.scratchformer.tensor.Tensor;

/** Every registered op, gradient-checked on random shapes and values. */
class OpCatalogueTest {
    static final int CASES_PER_OP = 50;

    // tag::cases[]
    static Stream<Arguments> cases() {
        return OpRegistry.all().stream().flatMap(entry -> CatalogueCheck
                .seeds(entry, CASES_PER_OP).stream()
                .map(seed -> Arguments.of(entry, seed, entry.inputsFor(seed)
                        .stream().map(Tensor::shape).toList())));
    }
    // end::cases[]

    // tag::catalogue-check[]
    @ParameterizedTest(name = "{0} seed={1} inputs={2}")
    @MethodSource("cases")
    void backwardMatchesCentralDifferences(OpEntry entry, long seed,
            List<String> shapes) {
        GradCheckReport report = CatalogueCheck.runCase(entry, seed);
        assertTrue(report.passed(), () -> entry.name() + " seed " + seed
                + ": " + report.summary());
    }
    // end::catalogue-check[]
}
