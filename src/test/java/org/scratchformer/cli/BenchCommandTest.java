package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The bench command's options; its timings are not tested, only run. */
class BenchCommandTest {
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return Main.run(new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true), args);
    }

    @Test
    void zeroStepsIsRefusedInOneSentence() {
        assertEquals(2, run("bench", "--steps", "0"));
        assertTrue(err.toString().contains("--steps must be at least 1"),
                err.toString());
    }

    @Test
    void zeroThreadsIsRefused() {
        assertEquals(2, run("bench", "--threads", "0"));
        assertTrue(err.toString().contains("--threads must be at least 1"),
                err.toString());
    }
}
