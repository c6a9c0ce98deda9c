package org.scratchformer.translation.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchformer.tensor.NonFiniteException;
import org.scratchformer.translation.Trainer;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.data.Task;

/**
 * A checkpoint never holds a NaN or an infinity: the save is refused
 * before any file is written, and the folder keeps the checkpoint it had.
 */
class NonFiniteSaveTest {
    @TempDir
    Path dir;

    final Task task = Task.named("copy");
    final Trainer.Settings settings = new Trainer.Settings(10, 4, 2, 1.0,
            1.0, 1, 8, 0);

    @Test
    void aWeightOrOptimizerStateThatIsNotFiniteIsNeverSaved()
            throws IOException {
        Translator model = new Translator(CheckpointTest.TINY,
                task.sourceVocabulary().size(),
                task.targetVocabulary().size(), new Random(1));
        Trainer trainer = new Trainer(model, task, settings);
        Checkpoint.save(dir, run(1), model, trainer.optimizer(), task);
        String saved = Files.readString(dir.resolve(Checkpoint.RUN));

        model.parameters().get("output.weight").value().set(2, 1,
                Double.POSITIVE_INFINITY);
        NonFiniteException e = assertThrows(NonFiniteException.class,
                () -> Checkpoint.save(dir, run(2), model, trainer.optimizer(),
                        task));
        assertEquals("the checkpoint of step 2 is not saved: the weight"
                + " 'output.weight' holds Infinity at row 2, column 1",
                e.getMessage());
        assertEquals(saved, Files.readString(dir.resolve(Checkpoint.RUN)));
        assertFalse(Files.exists(dir.resolve(Checkpoint.modelFile(2))));
        assertEquals(1, Checkpoint.readRun(dir).step());
        Checkpoint.loadModel(dir, Checkpoint.readRun(dir));  // still loads
    }

    Checkpoint.Run run(int step) {
        return new Checkpoint.Run("copy", CheckpointTest.TINY, settings,
                step);
    }
}
