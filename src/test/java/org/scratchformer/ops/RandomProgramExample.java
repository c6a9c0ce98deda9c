package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scratchformer.book.Listings;
import org.scratchformer.gradcheck.GradCheck;
import org.scratchformer.gradcheck.GradCheckReport;

/**
 * Chapter 5's listing {@code random-program}: one of the suite's random
 * programs, as a failure would print it, and its gradient check.
 */
class RandomProgramExample {
    @Test
    void randomProgram() {
        // the suite's first program of five statements that prints short
        long seed = RandomProgramsTest.suite().filter(s -> {
            RandomProgram p = RandomProgram.of(s);
            return p.depth() == 5 && p.expression().length() <= 72;
        }).findFirst().orElseThrow();
        RandomProgram program = RandomProgram.of(seed);
        GradCheckReport report = GradCheck.of(program::run).seed(seed)
                .run(program.inputs());
        assertTrue(report.passed(), report.summary());
        Listings.write("random-program", "program of seed " + seed + ":\n"
                + program + "\n" + report.summary() + "\n");
    }
}
