package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scratchformer.translation.data.NumbersTask;
import org.scratchformer.translation.data.Split;

class DataCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
                args);
    }

    private List<String> lines() {
        return out.toString().lines().toList();
    }

    @Test
    void printsEnglishTabFrenchWithHyphensJoined() {
        assertEquals(0, run("data", "--task", "numbers", "--split", "test",
                "--count", "5"));
        List<String> lines = lines();
        assertEquals(5, lines.size());
        var test = new NumbersTask().pairs(Split.TEST, 5, 0);
        for (int i = 0; i < 5; i++) {
            assertEquals(test.get(i).sourceText() + "\t"
                    + test.get(i).targetText(), lines.get(i));
        }
        assertTrue(lines.stream().allMatch(l -> !l.contains(" - ")),
                "hyphens are joined: " + lines);
    }

    @Test
    void theTrainingSplitFollowsTheSeed() {
        run("data", "--split", "train", "--count", "20", "--seed", "3");
        List<String> first = lines();
        out.getBuffer().setLength(0);
        run("data", "--split", "train", "--count", "20", "--seed", "3");
        assertEquals(first, lines());
        out.getBuffer().setLength(0);
        run("data", "--split", "train", "--count", "20", "--seed", "4");
        assertTrue(!first.equals(lines()));
        assertTrue(first.stream().anyMatch(l -> l.contains("-")),
                "some French has a hyphen: " + first);
    }

    @Test
    void copyAndReverse() {
        assertEquals(0, run("data", "--task", "reverse", "--split", "valid",
                "--count", "1"));
        String[] columns = lines().get(0).split("\t");
        assertEquals(new StringBuilder(columns[0]).reverse().toString(),
                columns[1]);
    }

    @Test
    void helpNamesEveryOption() {
        assertEquals(0, run("data", "--help"));
        for (String option : List.of("--task", "--split", "--count",
                "--seed")) {
            assertTrue(out.toString().contains(option), out.toString());
        }
    }

    @Test
    void badTaskSplitAndCountAreOneSentence() {
        assertEquals(2, run("data", "--task", "numbrs"));
        assertTrue(err.toString().startsWith("error: --task: unknown task 'numbrs';"
                + " the tasks are numbers, numbers-by-digits, copy, reverse"),
                err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("data", "--split", "dev"));
        assertTrue(err.toString().startsWith("error: --split: unknown split 'dev';"
                + " the splits are train, valid, test"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("data", "--count", "0"));
        assertTrue(err.toString().startsWith("error: --count must be at least 1,"
                + " got 0"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("data", "--split", "test", "--count", "1116"));
        assertTrue(err.toString().startsWith("error: --count: the test split of"
                + " the numbers task has 1115 examples; asked for 1116"),
                err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("data", "--count", "many"));
        assertTrue(err.toString().contains("'many'"), err.toString());
        assertTrue(!err.toString().contains("\tat "), "no stack trace");
    }
}
