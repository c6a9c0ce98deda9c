package org.scratchformer.scalar;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.finitediff.FiniteDifferences;

/** Backward against central differences on random expressions. */
class RandomExpressionTest {

    static Stream<Arguments> cases() {
        return LongStream.range(1, 101).mapToObj(seed -> Arguments.of(seed,
                2 + (int) (seed % 3), 5 + (int) (seed % 20)));
    }

    @ParameterizedTest(name = "seed={0}, leaves={1}, ops={2}")
    @MethodSource("cases")
    void backwardMatchesFiniteDifferences(long seed, int leaves, int ops) {
        Random random = new Random(seed);
        double[] x = new double[leaves];
        for (int i = 0; i < leaves; i++) {
            x[i] = -2 + 4 * random.nextDouble();
        }
        RandomExpression expression = RandomExpression.draw(random, x, ops);

        // tag::check-against-central[]
        Value[] leafValues = new Value[leaves];
        for (int i = 0; i < leaves; i++) {
            leafValues[i] = new Value(x[i]);
        }
        expression.evaluate(leafValues).backward();
        double[] numeric =
                FiniteDifferences.gradient(expression::evaluate, x, 1e-6);

        for (int i = 0; i < leaves; i++) {
            double analytic = leafValues[i].grad();
            double scale = Math.max(1, Math.abs(numeric[i]));
            assertTrue(Math.abs(analytic - numeric[i]) <= 1e-6 * scale,
                    "seed=" + seed + ": dL/dv" + i + " is " + analytic
                            + " by backward, " + numeric[i]
                            + " by central differences, at x = "
                            + Arrays.toString(x) + " for\n"
                            + expression);
        }
        // end::check-against-central[]
    }
}
