package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad option value stops the command before it does any work, in one
 * line that names the option, the value given and what is allowed.
 */
class OptionErrorsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "train | --steps | -5 | --steps must be at least 1, got -5",
        "train | --steps | 0 | --steps must be at least 1, got 0",
        "train | --micro-batches | 0 | --micro-batches must be 1 to 64 (the batch size),"
                + " got 0",
        "train | --micro-batches | 1000 | --micro-batches must be 1 to 64 (the batch"
                + " size), got 1000",
        "train | --save-every | 0 | --save-every must be at least 1, got 0",
        "train | --test-count | 1001 | --test-count must be 1 to 1000 (the"
                + " size of the copy task's test split), got 1001",
        "train | --test-count | 0 | --test-count must be at least 1, got 0",
        "train | --rate-factor | 0 | --rate-factor must be a number above 0"
                + " and at most 10, got '0'",
        "train | --rate-factor | 11 | --rate-factor must be a number above 0"
                + " and at most 10, got '11'",
        "train | --rate-factor | half | --rate-factor must be a number above"
                + " 0 and at most 10, got 'half'",
        "train | --rate-factor | NaN | --rate-factor must be a number above"
                + " 0 and at most 10, got 'NaN'",
        "eval | --beam | 0 | --beam must be at least 1, got 0",
        "eval | --count | 0 | --count must be at least 1, got 0",
        "eval | --range | 5-3 | --range must be FROM-TO, two whole numbers"
                + " with 0 ≤ FROM ≤ TO ≤ 999999 (for example 0-9999), got"
                + " '5-3'",
        "eval | --range | 0-1000000 | --range must be FROM-TO, two whole"
                + " numbers with 0 ≤ FROM ≤ TO ≤ 999999 (for example"
                + " 0-9999), got '0-1000000'",
        "eval | --range | 9999 | --range must be FROM-TO, two whole numbers"
                + " with 0 ≤ FROM ≤ TO ≤ 999999 (for example 0-9999), got"
                + " '9999'",
        "eval | --range | -5-10 | --range must be FROM-TO, two whole numbers"
                + " with 0 ≤ FROM ≤ TO ≤ 999999 (for example 0-9999), got"
                + " '-5-10'",
        "eval | --range | 0-9 999 | --range must be FROM-TO, two whole"
                + " numbers with 0 ≤ FROM ≤ TO ≤ 999999 (for example"
                + " 0-9999), got '0-9 999'",
        "attention | --out | maps.gif | --out maps.gif: the maps are written"
                + " as PNG or JPEG; name a file ending in .png, .jpg or"
                + " .jpeg",
    })
    void theErrorNamesTheOptionTheValueAndTheRange(String command,
            String option, String value, String message) {
        Path out = dir.resolve("run");
        List<String> args = new ArrayList<>(List.of(command, option,
                value));
        args.addAll(switch (command) {
            case "train" -> List.of("--task", "copy", "--out",
                    out.toString());
            case "attention" -> List.of("--model", out.toString(), "a b");
            default -> List.of("--model", out.toString());
        });
        TrainCommandTest.Result r = TrainCommandTest.run(
                args.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertEquals("error: " + message, r.err().lines().findFirst()
                .orElse(""), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals("", r.out(), "no work started");
        assertFalse(Files.exists(out), "no folder made");
    }
}
