package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command answers --help with its usage, and says what it does. */
class CommandHelpTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err,
                true), args);
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"gradcheck", "exercise"})
    void helpPrintsTheUsageAndNoError(String command) {
        assertEquals(0, run(command, "--help"), err.toString());
        assertEquals("", err.toString());
        assertTrue(out.toString().startsWith("Usage: scratchformer "
                + command), out.toString());
    }

    @Test
    void theReportSaysWhatItChecksAndWhatTheColumnsMean() {
        assertEquals(0, run("gradcheck", "--op", "neg", "--cases", "2"));
        String text = out.toString();
        assertTrue(text.startsWith("Checking the backward pass of 1"
                + " registered op against two\nreferences"), text);
        for (String column : new String[] {"cases, max rel",
                "finite differences  GradCheck", "PyTorch golden      the"
                        + " gradients PyTorch computed"}) {
            assertTrue(text.contains(column), column + " in " + text);
        }
        assertTrue(text.indexOf("PyTorch golden      the") < text.indexOf(
                "neg "), "the legend comes before the rows: " + text);
        assertTrue(text.lines().reduce((a, b) -> b).orElse("").contains(
                "ops checked"), "CI reads the last line: " + text);
    }
}
