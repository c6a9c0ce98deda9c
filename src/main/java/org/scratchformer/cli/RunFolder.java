package org.scratchformer.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.checkpoint.Checkpoint;
import org.scratchformer.translation.data.Task;
import picocli.CommandLine.Option;

/**
 * The {@code --model} option of the commands that read a trained run
 * (eval, translate, score, attention), and the reading.
 */
final class RunFolder {
    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "A run folder written by train.")
    Path folder;

    /** A run's model with its saved weights, and its task. */
    record Trained(Translator model, Task task) {
    }

    /** The run's description, run.json. */
    Checkpoint.Run run() throws IOException {
        return Checkpoint.readRun(folder);
    }

    /** The model of {@code run}, read from this folder. */
    Translator model(Checkpoint.Run run) throws IOException {
        return Checkpoint.loadModel(folder, run);
    }

    /** The trained model and its task. */
    Trained load() throws IOException {
        Checkpoint.Run run = run();
        return new Trained(model(run), Task.named(run.task()));
    }
}
