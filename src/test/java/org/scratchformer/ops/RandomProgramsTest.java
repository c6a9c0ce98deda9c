package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.gradcheck.GradCheck;
import org.scratchformer.gradcheck.GradCheckReport;
import org.scratchformer.gradcheck.RandomCases;

/**
 * Random programs of registered ops, each gradient-checked whole against
 * central differences: compositions find what one op at a time cannot (a
 * gradient that is right alone but assumes something of dY, a shape
 * rule that holds only for the registry's inputs). A failure prints the
 * seed and the program; {@code -Dprograms.seed=N} runs that one alone.
 */
class RandomProgramsTest {
    /** Programs per run of the suite. */
    static final int COUNT = Integer.getInteger("programs.count", 1000);
    /** -Dprograms.seed=N replays the program of seed N alone. */
    static final String REPLAY = "programs.seed";

    /** The seeds of a run: the suite's, or the one to replay. */
    static Stream<Long> seeds() {
        Long replay = Long.getLong(REPLAY);
        return replay != null ? Stream.of(replay) : suite();
    }

    static Stream<Long> suite() {
        return RandomCases.seeds(2022, COUNT);
    }

    // tag::check[]
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theProgramsGradientsAreTheFiniteDifferences(long seed) {
        RandomProgram program = RandomProgram.of(seed);
        GradCheckReport report = GradCheck.of(program::run).seed(seed)
                .run(program.inputs());
        assertTrue(report.passed(), () -> "program of seed " + seed
                + " (-D" + REPLAY + "=" + seed + " runs it alone):\n"
                + program + "\n" + report.summary());
    }
    // end::check[]

    @Test
    void theProgramsUseEveryRegisteredOpAndVaryInDepthAndShape() {
        Map<String, Integer> uses = new TreeMap<>();
        Statements.OPS.forEach(op -> uses.put(op, 0));
        int[] depths = new int[RandomProgram.MAX_DEPTH + 1];
        Set<String> shapes = new TreeSet<>();
        suite().forEach(seed -> {
            RandomProgram p = RandomProgram.of(seed);
            p.ops().forEach(op -> uses.merge(op, 1, Integer::sum));
            depths[Math.min(p.depth(), RandomProgram.MAX_DEPTH)]++;
            shapes.add(p.run(List.of(p.inputs())).shape());
        });
        uses.forEach((op, n) -> assertTrue(n >= 20, op + " appears in "
                + n + " programs of " + COUNT + ": " + uses));
        for (int d = 1; d <= RandomProgram.MAX_DEPTH; d++) {
            assertTrue(depths[d] > 0, "no program of depth " + d);
        }
        assertTrue(shapes.size() > 20, "output shapes " + shapes);
    }

    @Test
    void aSeedGivesTheSameProgramEveryTime() {
        assertEquals(RandomProgram.of(77).toString(),
                RandomProgram.of(77).toString());
    }
}
