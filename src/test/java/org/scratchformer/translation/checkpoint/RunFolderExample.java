package org.scratchformer.translation.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchformer.book.Listings;
import org.scratchformer.translation.Trainer;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.data.Task;

/**
 * Chapter 11's listing {@code translation-run-folder-errors}: what loading
 * says of a run folder damaged in each of the ways the reliability issue
 * measured, the folder shown as {@code run/}.
 */
class RunFolderExample {
    @TempDir
    Path dir;

    /** One damage: what it does, and how. */
    record Case(String what, Damaging damaging) {
    }

    @FunctionalInterface
    interface Damaging {
        void apply(Path run) throws IOException;
    }

    static void replace(Path file, String from, String to)
            throws IOException {
        Files.writeString(file, Files.readString(file).replace(from, to));
    }

    @Test
    void whatEachDamageGives() throws IOException {
        Task task = Task.named("copy");
        Trainer.Settings settings = new Trainer.Settings(1000, 4, 2, 1.0, 1.0,
                1, 8, 0);
        Translator model = new Translator(CheckpointTest.TINY,
                task.sourceVocabulary().size(),
                task.targetVocabulary().size(), new Random(1));
        Path saved = dir.resolve("saved");
        Checkpoint.save(saved, new Checkpoint.Run("copy", CheckpointTest.TINY,
                settings, 1000), model, new Trainer(model, task, settings)
                .optimizer(), task);
        String weights = Checkpoint.modelFile(1000);
        List<Case> cases = List.of(
            new Case("the weights deleted", run -> Files.delete(
                    run.resolve(weights))),
            new Case("step 1000 changed to 999", run -> replace(
                    run.resolve(Checkpoint.RUN), "\"step\" : 1000",
                    "\"step\" : 999")),
            new Case("encoder_layers set to 100000", run -> replace(
                    run.resolve(Checkpoint.RUN), "\"encoder_layers\" : 1",
                    "\"encoder_layers\" : 100000")),
            new Case("d_model written as \"8\"", run -> replace(
                    run.resolve(Checkpoint.RUN), "\"d_model\" : 8",
                    "\"d_model\" : \"8\"")),
            new Case("model_file set to ../../../../etc/passwd", run ->
                    replace(run.resolve(Checkpoint.RUN), "\"model_file\" : \""
                    + weights, "\"model_file\" : \"../../../../etc/passwd")),
            new Case("heads set to 4 (the weights keep their shapes)", run ->
                    replace(run.resolve(Checkpoint.RUN), "\"heads\" : 2",
                    "\"heads\" : 4")),
            new Case("one bit of one weight flipped", run -> {
                Path file = run.resolve(weights);
                byte[] bytes = Files.readAllBytes(file);
                bytes[bytes.length - 3] ^= 1;
                Files.write(file, bytes);
            }),
            new Case("the target vocabulary emptied", run -> Files.write(
                    run.resolve(Checkpoint.TARGET_VOCABULARY), new byte[0])));
        StringBuilder text = new StringBuilder();
        for (Case c : cases) {
            Path run = dir.resolve("run");
            Folder.read(saved).writeTo(run);
            c.damaging().apply(run);
            String message = "(loaded)";
            try {
                Checkpoint.loadModel(run, Checkpoint.readRun(run));
            } catch (BadFileException e) {
                message = e.getMessage().replace(run.toString(), "run")
                        .replace('\\', '/').replaceAll("SHA-256 is (\\w{12})"
                        + "\\w+, but run.json records (\\w{12})\\w+",
                        "SHA-256 is $1..., but run.json records $2...");
            }
            text.append(c.what()).append(":\n  ").append(message)
                    .append("\n");
        }
        Listings.write("translation-run-folder-errors", text.toString());
        assertEquals(cases.size(), text.toString().lines()
                .filter(line -> line.startsWith("  ")
                        && !line.contains("(loaded)")).count(), text.toString());
    }
}
