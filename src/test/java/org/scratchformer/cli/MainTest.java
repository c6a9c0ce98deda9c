package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
                args);
    }

    @Test
    void gradcheckPrintsOneRowPerOpAndPasses() {
        assertEquals(0, run("gradcheck", "--op", "matmul", "--cases", "3"));
        String text = out.toString();
        assertTrue(text.contains("matmul"), text);
        assertTrue(text.contains("pass"), text);
        assertTrue(text.contains("1 ops checked: 1 passed, 0 failed"), text);
        assertTrue(text.contains("pass (4 cases)"), "golden: " + text);
    }

    @Test
    void anUnknownOpIsOneSentence() {
        assertEquals(2, run("gradcheck", "--op", "matmull"));
        String text = err.toString();
        assertTrue(text.startsWith("error: no op named 'matmull'"), text);
        assertTrue(!text.contains("\tat "), "no stack trace: " + text);
    }

    @Test
    void zeroCasesIsRefused() {
        assertEquals(2, run("gradcheck", "--cases", "0"));
        assertTrue(err.toString().contains("--cases must be at least 1"),
                err.toString());
    }

    @Test
    void theMainJobTrainsTheDemoTranslator() {
        assertEquals(java.util.List.of("train", "--task", "numbers",
                "--preset", "demo", "--out", "runs/demo", "--force"),
                java.util.List.of(Main.MAIN_JOB));
    }

    @Test
    void anUnknownCommandIsRefused() {
        assertEquals(2, run("trian"));
        assertTrue(err.toString().contains("trian"), err.toString());
    }

    @Test
    void aMissingGoldenFileIsSaidInTheColumn() {
        assertEquals(0, run("gradcheck", "--op", "neg", "--cases", "2",
                "--golden", "no/such/file.json"));
        assertTrue(out.toString().contains("no file"), out.toString());
    }
}
