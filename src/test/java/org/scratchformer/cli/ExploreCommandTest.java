package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explore command from its command line, on a run folder of the
 * copy task trained for two steps: the export, the timing, and a refused folder.
 */
class ExploreCommandTest {
    @TempDir
    static Path dir;
    static Path run;

    @BeforeAll
    static void trainTwoSteps() {
        run = dir.resolve("run");
        TrainCommandTest.Result trained = TrainCommandTest.run(
                TrainCommandTest.train(run, 2));
        assertEquals(0, trained.code(), trained.err());
    }

    @Test
    void exportWritesThePageAndSaysWhere() throws Exception {
        Path out = dir.resolve("page");
        TrainCommandTest.Result result = TrainCommandTest.run("explore",
                "--model", run.toString(), "--export", out.toString());
        assertEquals(0, result.code(), result.err());
        assertEquals("the explorer with " + 2 * Explorer.EXAMPLES
                + " answers: " + out.resolve("index.html").toAbsolutePath(),
                result.out().strip());
        for (String name : List.of("index.html", "explorer.js",
                "explorer.css", "data.js")) {
            assertTrue(Files.size(out.resolve(name)) > 0, name);
        }
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        TrainCommandTest.Result refused = TrainCommandTest.run("explore",
                "--model", run.toString(), "--export", file.toString());
        assertEquals(ExitCodes.USAGE, refused.code());
        assertEquals("error: --export " + file + " is a file; name a folder"
                + " to write the page into", refused.err().strip());
    }

    @Test
    void measureTimesAnswersGreedyAndWithABeam() {
        TrainCommandTest.Result result = TrainCommandTest.run("explore",
                "--model", run.toString(), "--measure", "3");
        assertEquals(0, result.code(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals(2, lines.size(), result.out());
        for (int i = 0; i < 2; i++) {
            String beam = i == 0 ? "1" : String.valueOf(
                    ExploreCommand.EXPORT_BEAM);
            assertTrue(lines.get(i).matches("beam " + beam + ": median"
                    + " [0-9.]+ ms, slowest [0-9.]+ ms over 3 answers with"
                    + " all their maps \\([0-9]+ sentences in turn, after 3"
                    + " unmeasured\\)"), lines.get(i));
        }
    }

    @Test
    void aMissingRunFolderIsABadFile() {
        TrainCommandTest.Result result = TrainCommandTest.run("explore",
                "--model", dir.resolve("nothing").toString(), "--export",
                dir.resolve("never").toString());
        assertEquals(ExitCodes.BAD_FILE, result.code(), result.err());
        assertTrue(result.err().startsWith("error: "), result.err());
        assertTrue(!Files.exists(dir.resolve("never")));
    }
}
