package org.scratchformer.translation.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.scratchformer.optim.Optimizer;
import org.scratchformer.transformer.NormPlacement;
import org.scratchformer.translation.ModelConfig;
import org.scratchformer.translation.Trainer;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.data.Task;

/**
 * A training run's folder: everything needed to translate with the model
 * and to continue training it exactly.
 *
 * <pre>
 * run.json                     task, model sizes, training settings,
 *                              step, and the two files of that step:
 * model-001000.safetensors     weights by parameter path (F64)
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
 */
public final class Checkpoint {
    public static final String RUN = "run.json";
    public static final String SOURCE_VOCABULARY = "source-vocabulary.json";
    public static final String TARGET_VOCABULARY = "target-vocabulary.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STEP_FILE = Pattern.compile(
            "(model|optimizer)-\\d{6,}\\.safetensors");

    /** What run.json holds. */
    public record Run(String task, ModelConfig model,
            Trainer.Settings settings, int step) {
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

    // tag::save[]
    /** Saves the model, the optimizer, the vocabularies and run.json. */
    public static void save(Path dir, Run run, Translator model,
            Optimizer optimizer, Task task) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> meta = Map.of("step",
                String.valueOf(run.step()), "task", run.task());
        SafeTensors.write(dir.resolve(modelFile(run.step())),
                SafeTensors.weights(model), meta);
        SafeTensors.write(dir.resolve(optimizerFile(run.step())),
                optimizer.state(), meta);
        task.sourceVocabulary().save(dir.resolve(SOURCE_VOCABULARY));
        task.targetVocabulary().save(dir.resolve(TARGET_VOCABULARY));
        byte[] text = JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(toJson(run))
                .getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve(RUN), out -> out.write(text));  // commit
        deleteAllBut(dir, run.step());
    }
    // end::save[]

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

    /** Reads run.json of a run folder, with a clear error if it is bad. */
    public static Run readRun(Path dir) throws IOException {
        Path file = dir.resolve(RUN);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + " holds no trained"
                    + " model: " + RUN + " is missing (train one with"
                    + " `train --out " + dir + "`)");
        }
        try {
            return fromJson(JSON.readTree(file.toFile()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + " is not a valid run"
                    + " description: " + e.getMessage(), e);
        }
    }

    /** The model of a run folder with its saved weights. */
    public static Translator loadModel(Path dir, Run run) throws IOException {
        Task task = Task.named(run.task());
        Translator model = new Translator(run.model(),
                task.sourceVocabulary().size(),
                task.targetVocabulary().size(), new Random(0));
        Path file = dir.resolve(modelFile(run.step()));
        requireStep(file, SafeTensors.loadInto(file, model), run.step());
        model.eval();
        return model;
    }

    /** Restores the optimizer's state from a run folder. */
    public static void loadOptimizer(Path dir, Run run, Optimizer optimizer)
            throws IOException {
        Path file = dir.resolve(optimizerFile(run.step()));
        SafeTensors.Contents contents = SafeTensors.read(file);
        requireStep(file, contents.metadata(), run.step());
        optimizer.loadState(contents.tensors());
    }

    private static void requireStep(Path file, Map<String, String> meta,
            int step) {
        if (!String.valueOf(step).equals(meta.get("step"))) {
            throw new IllegalArgumentException(file + " holds step "
                    + meta.get("step") + ", but " + RUN + " names step "
                    + step);
        }
    }

    static ObjectNode toJson(Run run) {
        ObjectNode root = JSON.createObjectNode();
        root.put("task", run.task());
        root.put("step", run.step());
        root.put("model_file", modelFile(run.step()));
        root.put("optimizer_file", optimizerFile(run.step()));
        ObjectNode m = root.putObject("model");
        ModelConfig c = run.model();
        m.put("d_model", c.model()).put("heads", c.heads())
                .put("d_ff", c.feedForward())
                .put("encoder_layers", c.encoderLayers())
                .put("decoder_layers", c.decoderLayers())
                .put("dropout", c.dropout())
                .put("norm", c.norm().name().toLowerCase())
                .put("tied", c.tied());
        ObjectNode t = root.putObject("training");
        Trainer.Settings s = run.settings();
        t.put("steps", s.steps()).put("batch_size", s.batchSize())
                .put("warmup", s.warmup()).put("rate_factor", s.rateFactor())
                .put("clip", s.clip()).put("seed", s.seed())
                .put("training_pairs", s.trainingPairs())
                .put("validate_every", s.validateEvery())
                .put("micro_batches", s.microBatches());
        return root;
    }

    static Run fromJson(JsonNode root) {
        JsonNode m = required(root, "model");
        JsonNode t = required(root, "training");
        ModelConfig model = new ModelConfig(
                required(m, "d_model").asInt(), required(m, "heads").asInt(),
                required(m, "d_ff").asInt(),
                required(m, "encoder_layers").asInt(),
                required(m, "decoder_layers").asInt(),
                required(m, "dropout").asDouble(),
                NormPlacement.valueOf(required(m, "norm").asText()
                        .toUpperCase()),
                required(m, "tied").asBoolean());
        Trainer.Settings settings = new Trainer.Settings(
                required(t, "steps").asInt(),
                required(t, "batch_size").asInt(),
                required(t, "warmup").asInt(),
                required(t, "rate_factor").asDouble(),
                required(t, "clip").asDouble(), required(t, "seed").asLong(),
                required(t, "training_pairs").asInt(),
                required(t, "validate_every").asInt(),
                microBatches(t));
        return new Run(required(root, "task").asText(), model, settings,
                required(root, "step").asInt());
    }

    /** The run's micro-batches; "shards" in older runs; 1 in the oldest. */
    private static int microBatches(JsonNode training) {
        for (String field : new String[] {"micro_batches", "shards"}) {
            if (training.has(field)) {
                return training.get(field).asInt();
            }
        }
        return 1;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("the field '" + field
                    + "' is missing");
        }
        return value;
    }
}
