package org.scratchformer.translation.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchformer.transformer.NormPlacement;
import org.scratchformer.translation.ModelConfig;
import org.scratchformer.translation.Trainer;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.data.Task;
import org.scratchformer.translation.data.Vocabulary;

/**
 * run.json is the checkpoint's commit record: what a save killed before it
 * leaves behind is ignored on loading and cleaned up by the next save.
 */
public class CheckpointTest {
    static final ModelConfig TINY = new ModelConfig(8, 2, 16, 1, 1, 0.0,
            NormPlacement.POST, false);

    @TempDir
    Path dir;

    final Task task = Task.named("copy");
    final Trainer.Settings settings = new Trainer.Settings(10, 4, 2, 1.0,
            1.0, 1, 8, 0);

    Translator model(long seed) {
        return new Translator(TINY, task.sourceVocabulary().size(),
                task.targetVocabulary().size(), new Random(seed));
    }

    void save(Translator model, int step) throws IOException {
        Trainer trainer = new Trainer(model, task, settings);
        Checkpoint.save(dir, new Checkpoint.Run("copy", TINY, settings, step),
                model, trainer.optimizer(), task);
    }

    @Test
    void aSaveKilledBeforeRunJsonLeavesThePreviousCheckpointWhole()
            throws IOException {
        Translator saved = model(1);
        save(saved, 2);
        // what a save of step 4 killed before its commit leaves: the new
        // files (other weights), and a temporary file half written
        Translator newer = model(2);
        SafeTensors.write(dir.resolve(Checkpoint.modelFile(4)),
                SafeTensors.weights(newer), Map.of("step", "4"));
        Files.copy(dir.resolve(Checkpoint.optimizerFile(2)),
                dir.resolve(Checkpoint.optimizerFile(4)));
        Path temporary = dir.resolve(".run.json.4242.123456789.tmp");
        Files.writeString(temporary, "{\"task\": ");

        Checkpoint.Run run = Checkpoint.readRun(dir);
        assertEquals(2, run.step());
        Translator loaded = Checkpoint.loadModel(dir, run);
        assertSameWeights(saved, loaded);

        save(loaded, 6);
        for (String gone : new String[] {Checkpoint.modelFile(2),
            Checkpoint.optimizerFile(2), Checkpoint.modelFile(4),
            Checkpoint.optimizerFile(4), temporary.getFileName().toString()}) {
            assertFalse(Files.exists(dir.resolve(gone)), gone);
        }
        assertTrue(Files.exists(dir.resolve(Checkpoint.modelFile(6))));
        assertTrue(Files.readString(dir.resolve(Checkpoint.RUN)).contains(
                "\"model_file\" : \"model-000006.safetensors\""));
    }

    @Test
    void weightsOfAnotherStepThanRunJsonNamesAreRefused() throws IOException {
        save(model(1), 2);
        SafeTensors.write(dir.resolve(Checkpoint.modelFile(2)),
                SafeTensors.weights(model(1)), Map.of("step", "3"));
        Checkpoint.Run run = Checkpoint.readRun(dir);
        BadFileException e = assertThrows(BadFileException.class,
                () -> Checkpoint.loadModel(dir, run));
        assertEquals(dir.resolve("model-000002.safetensors") + ": its"
                + " __metadata__ gives step \"3\", but run.json gives \"2\":"
                + " one of the two was changed, or the file is of another"
                + " run", e.getMessage());
    }

    @Test
    void theOptimizerFileIsCheckedToo() throws IOException {
        Translator model = model(1);
        save(model, 2);
        Files.delete(dir.resolve(Checkpoint.optimizerFile(2)));
        Checkpoint.Run run = Checkpoint.readRun(dir);
        Trainer trainer = new Trainer(model, task, settings);
        IOException e = assertThrows(IOException.class,
                () -> Checkpoint.loadOptimizer(dir, run, trainer.optimizer()));
        assertTrue(e.getMessage().contains("optimizer-000002.safetensors"),
                e.getMessage());
    }

    @Test
    void aSaveHoldsBothVocabulariesAndTheModelLoadsForEvaluation()
            throws IOException {
        Task reverse = Task.named("reverse");
        Translator model = model(1);
        Checkpoint.save(dir, new Checkpoint.Run("reverse", TINY, settings,
                2), model, new Trainer(model, reverse, settings).optimizer(),
                reverse);
        assertEquals(reverse.sourceVocabulary(), Vocabulary.load(
                dir.resolve(Checkpoint.SOURCE_VOCABULARY)));
        assertEquals(reverse.targetVocabulary(), Vocabulary.load(
                dir.resolve(Checkpoint.TARGET_VOCABULARY)));
        Translator loaded = Checkpoint.loadModel(dir,
                Checkpoint.readRun(dir));
        assertFalse(loaded.isTraining(), "dropout would be on");
    }

    @Test
    void anOptimizerFileOfAnotherStepIsRefused() throws IOException {
        Translator model = model(1);
        save(model, 2);
        Trainer trainer = new Trainer(model, task, settings);
        SafeTensors.write(dir.resolve(Checkpoint.optimizerFile(2)),
                trainer.optimizer().state(), Map.of("step", "3"));
        Checkpoint.Run run = Checkpoint.readRun(dir);
        BadFileException e = assertThrows(BadFileException.class,
                () -> Checkpoint.loadOptimizer(dir, run, trainer.optimizer()));
        assertEquals(dir.resolve("optimizer-000002.safetensors") + ": its"
                + " __metadata__ gives step \"3\", but run.json gives \"2\":"
                + " one of the two was changed, or the file is of another"
                + " run", e.getMessage());
    }

    @Test
    void theMicroBatchesAreSavedAndARunOfAnOlderFormatIsRefused()
            throws IOException {
        Trainer.Settings split = new Trainer.Settings(10, 4, 2, 1.0, 1.0,
                1, 8, 0, 3);
        Translator model = model(1);
        Checkpoint.save(dir, new Checkpoint.Run("copy", TINY, split, 2),
                model, new Trainer(model, task, split).optimizer(), task);
        assertEquals(split, Checkpoint.readRun(dir).settings());

        Path json = dir.resolve(Checkpoint.RUN);
        String saved = Files.readString(json);
        assertTrue(saved.contains("\"micro_batches\" : 3"), saved);
        // as runs were saved before they had a format and checksums
        String older = saved.replaceFirst("\"format\"[^\n]*\n", "")
                .replaceFirst("\\s*\"version\"[^\n]*\n", "\n");
        Files.writeString(json, older);
        BadFileException e = assertThrows(BadFileException.class,
                () -> Checkpoint.readRun(dir));
        assertEquals(json + ": the field format is missing", e.getMessage());
    }

    @Test
    void aSaveOfAnotherTasksVocabulariesIsRefusedBeforeWriting() {
        Translator model = model(1);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Checkpoint.save(dir,
                        new Checkpoint.Run("copy", TINY, settings, 2), model,
                        new Trainer(model, task, settings).optimizer(),
                        Task.named("reverse")));
        assertEquals("the run trains the copy task, not reverse",
                e.getMessage());
        assertFalse(Files.exists(dir.resolve(Checkpoint.RUN)));
    }

    public static void assertSameWeights(Translator a, Translator b) {
        Map<String, DMatrixRMaj> x = SafeTensors.weights(a);
        Map<String, DMatrixRMaj> y = SafeTensors.weights(b);
        x.forEach((name, m) -> {
            for (int i = 0; i < m.getNumElements(); i++) {
                assertEquals(m.get(i), y.get(name).get(i), 0, name);
            }
        });
    }
}
