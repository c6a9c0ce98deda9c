package org.scratchformer.translation.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.optim.Optimizer;
import org.scratchformer.tensor.NonFiniteException;
import org.scratchformer.translation.ModelConfig;
import org.scratchformer.translation.Trainer;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.data.Task;
import org.scratchformer.translation.data.Vocabulary;

/**
 * A training run's folder: everything needed to translate with the model
 * and to continue training it exactly.
 *
 * <pre>
 * run.json                     task, model sizes, training settings,
 *                              step, the two files of that step, and the
 *                              SHA-256 of each file below:
 * model-001000.safetensors     weights by parameter path (F64); its
 *                              metadata: step, task and model sizes
 * optimizer-001000.safetensors the optimizer's step and moments by name
 * source-vocabulary.json       the vocabularies, id by id
 * target-vocabulary.json
 * </pre>
 *
 * <p>run.json is the checkpoint's commit record. A save writes the new
 * step's weights and optimizer state under new names, then replaces
 * run.json, then deletes the previous step's files; every file is written
 * atomically (a temporary file, then a rename). A run killed at any moment
 * leaves a run.json that names a whole, consistent pair of files: the
 * previous step's until the new run.json is in place, the new step's
 * after. (Fixed names overwritten one after the other would not do: a kill
 * between the two renames would pair new weights with an old optimizer.)
 *
 * <p>Loading treats the folder as untrusted input ({@link RunJson} reads
 * run.json). A file that is missing, damaged or not the one run.json
 * describes is a {@link BadFileException} naming it; a folder that loads
 * holds exactly what was saved.
 */
public final class Checkpoint {
    public static final String RUN = "run.json";
    public static final String SOURCE_VOCABULARY = "source-vocabulary.json";
    public static final String TARGET_VOCABULARY = "target-vocabulary.json";

    private static final Pattern STEP_FILE = Pattern.compile(
            "(model|optimizer)-\\d{6,}\\.safetensors");

    /**
     * What run.json holds: the task, the model's sizes, the training
     * settings, the step, and the SHA-256 of each of the step's files by
     * name (none until the run is saved; {@link #readRun} reads them).
     */
    public record Run(String task, ModelConfig model,
            Trainer.Settings settings, int step,
            Map<String, String> checksums) {
        public Run {
            checksums = Collections.unmodifiableMap(
                    new LinkedHashMap<>(checksums));
        }

        /** A run not saved yet: no checksums. */
        public Run(String task, ModelConfig model,
                Trainer.Settings settings, int step) {
            this(task, model, settings, step, Map.of());
        }
    }

    private Checkpoint() {
    }

    /** The weights' file of a step: model-001000.safetensors. */
    public static String modelFile(int step) {
        return String.format(Locale.ROOT, "model-%06d.safetensors", step);
    }

    /** The optimizer's file of a step: optimizer-001000.safetensors. */
    public static String optimizerFile(int step) {
        return String.format(Locale.ROOT, "optimizer-%06d.safetensors",
                step);
    }

    /** The files of a step that run.json names, with their checksums. */
    static List<String> files(int step) {
        return List.of(modelFile(step), optimizerFile(step),
                SOURCE_VOCABULARY, TARGET_VOCABULARY);
    }

    // tag::save[]
    /** Saves the model, the optimizer, the vocabularies and run.json. */
    public static void save(Path dir, Run run, Translator model,
            Optimizer optimizer, Task task) throws IOException {
        if (!task.name().equals(run.task())) {
            throw new IllegalArgumentException("the run trains the "
                    + run.task() + " task, not " + task.name());
        }
        Map<String, DMatrixRMaj> weights = SafeTensors.weights(model);
        Map<String, DMatrixRMaj> state = optimizer.state();
        refuseNonFinite(run.step(), weights, "weight");  // before any file
        refuseNonFinite(run.step(), state, "optimizer state");
        Files.createDirectories(dir);
        int step = run.step();
        SafeTensors.write(dir.resolve(modelFile(step)), weights,
                modelMetadata(run));
        SafeTensors.write(dir.resolve(optimizerFile(step)), state,
                metadata(run));
        task.sourceVocabulary().save(dir.resolve(SOURCE_VOCABULARY));
        task.targetVocabulary().save(dir.resolve(TARGET_VOCABULARY));
        byte[] text = RunJson.write(new Run(run.task(), run.model(),
                run.settings(), step, Sha256.of(dir, files(step))));
        AtomicFiles.write(dir.resolve(RUN), out -> out.write(text));  // commit
        deleteAllBut(dir, step);
    }
    // end::save[]

    /**
     * A checkpoint never holds a NaN or an infinity, which its loader
     * would refuse: the one on disk is kept, and the message says which
     * matrix is at fault.
     */
    private static void refuseNonFinite(int step,
            Map<String, DMatrixRMaj> tensors, String what) {
        for (Map.Entry<String, DMatrixRMaj> e : tensors.entrySet()) {
            DMatrixRMaj m = e.getValue();
            int i = NonFiniteException.firstIndex(m);
            if (i >= 0) {
                throw new NonFiniteException("the checkpoint of step "
                        + step + " is not saved: the " + what + " '"
                        + e.getKey() + "' holds " + m.data[i] + " at row "
                        + i / m.numCols + ", column " + i % m.numCols);
            }
        }
    }

    /** The metadata of both files of a step: the step and the task. */
    private static Map<String, String> metadata(Run run) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("step", String.valueOf(run.step()));
        metadata.put("task", run.task());
        return metadata;
    }

    /** The weights' metadata: also the model's sizes, as run.json has them. */
    private static Map<String, String> modelMetadata(Run run) {
        Map<String, String> metadata = metadata(run);
        metadata.putAll(RunJson.modelFields(run.model()));
        return metadata;
    }

    /**
     * Deletes other steps' weights and optimizer files, and temporary
     * files a killed save left behind.
     */
    private static void deleteAllBut(Path dir, int step) throws IOException {
        String keepModel = modelFile(step);
        String keepOptimizer = optimizerFile(step);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                boolean stale = STEP_FILE.matcher(name).matches()
                        && !name.equals(keepModel)
                        && !name.equals(keepOptimizer);
                if (stale || AtomicFiles.isTemporary(name)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * Reads run.json of a run folder, checking every field, and that this
     * JVM has the memory to load the model it describes.
     */
    public static Run readRun(Path dir) throws IOException {
        Path file = dir.resolve(RUN);
        if (!Files.isRegularFile(file)) {
            throw RunChecks.noRun(dir, file);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) RunJson.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new BadFileException(file, file + ": it cannot be read ("
                    + e + ")");
        }
        if (bytes.length > RunJson.MAX_BYTES) {
            throw new BadFileException(file, file + ": it has more than "
                    + RunJson.MAX_BYTES + " bytes; a run.json has about"
                    + " 1,000");
        }
        Run run = RunJson.read(file, bytes);
        RunChecks.requireMemory(file, run, Runtime.getRuntime().maxMemory());
        return run;
    }

    // tag::load[]
    /**
     * The model of a run folder with its saved weights, once every file
     * it reads agrees with run.json: the weights' metadata (step, task,
     * sizes) before the model is made, the task's vocabularies, every
     * number finite, and each file's SHA-256.
     */
    public static Translator loadModel(Path dir, Run run) throws IOException {
        Path file = RunChecks.stepFile(dir, modelFile(run.step()),
                "the weights", run);
        RunChecks.requireMetadata(file, SafeTensors.metadata(file),
                modelMetadata(run));
        Task task = Task.named(run.task());
        RunChecks.requireVocabulary(dir, SOURCE_VOCABULARY,
                task.sourceVocabulary(), "source", run);
        RunChecks.requireVocabulary(dir, TARGET_VOCABULARY,
                task.targetVocabulary(), "target", run);
        Translator model = new Translator(run.model(),
                task.sourceVocabulary().size(),
                task.targetVocabulary().size(), new Random(0));
        SafeTensors.loadInto(file, model);  // names, shapes, finite numbers
        RunChecks.requireChecksum(file, run);
        model.eval();
        return model;
    }
    // end::load[]

    /** Restores the optimizer's state from a run folder, checked as above. */
    public static void loadOptimizer(Path dir, Run run, Optimizer optimizer)
            throws IOException {
        Path file = RunChecks.stepFile(dir, optimizerFile(run.step()),
                "the optimizer's state", run);
        SafeTensors.Contents contents = SafeTensors.read(file,
                optimizer.state());  // names and shapes
        RunChecks.requireMetadata(file, contents.metadata(), metadata(run));
        SafeTensors.requireFinite(file, contents.tensors());
        RunChecks.requireStepCount(file, contents.tensors().get("step"),
                run);
        RunChecks.requireChecksum(file, run);
        optimizer.loadState(contents.tensors());
    }
}
