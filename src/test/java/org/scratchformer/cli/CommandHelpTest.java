package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command answers --help with its usage, and says what it does. */
class CommandHelpTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err,
                true), args);
    }

    /** Every command the program has (help included), with -h and --help. */
    static Stream<Arguments> everyCommand() {
        List<Arguments> all = new ArrayList<>();
        for (String command : new CommandLine(new Main()).getSubcommands()
                .keySet()) {
            all.add(Arguments.of(command, "--help"));
            all.add(Arguments.of(command, "-h"));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyCommand")
    void helpPrintsTheUsageAndNoError(String command, String option) {
        assertEquals(0, run(command, option), err.toString());
        assertEquals("", err.toString());
        assertTrue(out.toString().contains("Usage: scratchformer "
                + command + " ["), out.toString());
    }

    @Test
    void theWalkCoversEveryCommand() {
        assertEquals(11, everyCommand().count() / 2, "commands: "
                + new CommandLine(new Main()).getSubcommands().keySet());
    }

    @Test
    void theProgramsHelpSaysWhatABareRunDoes() {
        assertEquals(0, run("--help"), err.toString());
        String text = out.toString().replaceAll("\\s+", " ");
        assertTrue(text.contains("With no command, trains the demo"
                + " translator (English number words to French) into"
                + " runs/demo, replacing the run there"), text);
        assertTrue(text.contains(String.join(" ", Main.MAIN_JOB)), text);
        assertTrue(text.contains("-Dscratchformer.kernel=plain"), text);
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
        assertTrue(text.contains("in the program's own golden/ops.json"),
                text);
        assertFalse(text.contains("null"), text);
    }

    @Test
    void everyRowOfTheReportKeepsTheColumns() {
        assertEquals(0, run("gradcheck", "--cases", "1"), err.toString());
        List<String> table = out.toString().lines()
                .dropWhile(line -> !line.startsWith("op "))
                .takeWhile(line -> !line.contains("ops checked")).toList();
        int cases = table.get(0).indexOf("cases") + "cases".length();
        int golden = table.get(0).indexOf("PyTorch golden");
        assertTrue(table.size() > 40, "rows: " + table);
        for (String row : table.subList(1, table.size())) {
            assertEquals("1", row.substring(cases - 1, cases), row);
            assertTrue(row.startsWith("pass (", golden), row);
        }
    }
}
