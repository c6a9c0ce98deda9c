package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** bench --heap: a point every N/10 steps, the growth, and its limits. */
class BenchHeapCommandTest {
    @Test
    void printsTheHeapEveryTenthOfTheStepsAndItsGrowth() {
        TrainCommandTest.Result r = TrainCommandTest.run("bench", "--model",
                "workload", "--heap", "10");
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.contains("heap       in use after a full collection,"
                + " over 10 training steps:"), out);
        for (int step = 0; step <= 10; step++) {
            assertTrue(out.contains(String.format("  step %6d ", step)),
                    "step " + step + ":\n" + out);
        }
        assertTrue(out.contains("growth") && out.contains("from step 1 to"
                + " step 10"), out);
        assertTrue(!out.contains("steps/s"), "no timing with --heap: " + out);
    }

    @Test
    void fewerThanTenStepsAreRefused() {
        TrainCommandTest.Result r = TrainCommandTest.run("bench", "--heap",
                "9");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--heap must be at least 10 steps, got 9"),
                r.err());
    }
}
