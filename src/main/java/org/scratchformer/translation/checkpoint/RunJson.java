package org.scratchformer.translation.checkpoint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.scratchformer.transformer.NormPlacement;
import org.scratchformer.translation.ModelConfig;
import org.scratchformer.translation.Trainer;
import org.scratchformer.translation.data.Task;

/**
 * run.json, written and read. Reading treats the file as untrusted input:
 * each field is checked for its type and its range, and the model's sizes
 * against the limits below, before anything is made from them.
 *
 * <p>The limits are far above any model this program trains (the reference
 * is d_model 128, d_ff 512, 2 + 2 layers; the original Transformer 512,
 * 2048, 6 + 6) and keep every weight matrix within one Java array
 * (8,192 x 32,768 = 2^28 numbers); within them, the memory a model needs
 * is checked by {@link Checkpoint#readRun}.
 */
final class RunJson {
    static final String FORMAT = "scratchformer-run";
    static final int VERSION = 1;
    /** A run.json is about 1 KB; a longer file is refused unread. */
    static final long MAX_BYTES = 64 << 10;

    static final int MAX_MODEL = 8192;          // d_model
    static final int MAX_FEED_FORWARD = 32768;  // d_ff
    static final int MAX_LAYERS = 64;           // each stack
    static final int MAX_BATCH = 1024;          // the presets: 64
    static final int MAX_TRAINING_PAIRS = 1_000_000;  // the presets: 100,000

    static final List<String> FIELDS = List.of("format", "version", "task",
            "step", "model_file", "optimizer_file", "sha256", "model",
            "training");
    static final List<String> MODEL = List.of("d_model", "heads", "d_ff",
            "encoder_layers", "decoder_layers", "dropout", "norm", "tied");
    static final List<String> TRAINING = List.of("steps", "batch_size",
            "warmup", "rate_factor", "clip", "seed", "training_pairs",
            "validate_every", "micro_batches");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private RunJson() {
    }

    /** The text of run.json for {@code run}. */
    static byte[] write(Checkpoint.Run run) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT).put("version", VERSION)
                .put("task", run.task()).put("step", run.step())
                .put("model_file", Checkpoint.modelFile(run.step()))
                .put("optimizer_file", Checkpoint.optimizerFile(run.step()));
        ObjectNode sums = root.putObject("sha256");
        run.checksums().forEach(sums::put);
        ModelConfig c = run.model();
        root.putObject("model").put("d_model", c.model())
                .put("heads", c.heads()).put("d_ff", c.feedForward())
                .put("encoder_layers", c.encoderLayers())
                .put("decoder_layers", c.decoderLayers())
                .put("dropout", c.dropout())
                .put("norm", c.norm().name().toLowerCase(Locale.ROOT))
                .put("tied", c.tied());
        ObjectNode t = root.putObject("training");
        Trainer.Settings s = run.settings();
        t.put("steps", s.steps()).put("batch_size", s.batchSize())
                .put("warmup", s.warmup()).put("rate_factor", s.rateFactor())
                .put("clip", s.clip()).put("seed", s.seed())
                .put("training_pairs", s.trainingPairs())
                .put("validate_every", s.validateEvery())
                .put("micro_batches", s.microBatches());
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root)
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The model's sizes as text, field by field, as the weights file's
     * metadata holds them: what run.json's "model" object says, in words.
     */
    static Map<String, String> modelFields(ModelConfig c) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("d_model", String.valueOf(c.model()));
        fields.put("heads", String.valueOf(c.heads()));
        fields.put("d_ff", String.valueOf(c.feedForward()));
        fields.put("encoder_layers", String.valueOf(c.encoderLayers()));
        fields.put("decoder_layers", String.valueOf(c.decoderLayers()));
        fields.put("dropout", String.valueOf(c.dropout()));
        fields.put("norm", c.norm().name().toLowerCase(Locale.ROOT));
        fields.put("tied", String.valueOf(c.tied()));
        return fields;
    }

    /** Reads run.json's bytes, checking every field. */
    static Checkpoint.Run read(Path file, byte[] bytes)
            throws BadFileException {
        JsonFields run = JsonFields.of(file, parse(file, bytes), FIELDS);
        if (!run.text("format").equals(FORMAT)) {
            throw run.fault("format", "\"" + FORMAT + "\" (a run folder of"
                    + " this program)");
        }
        run.whole("version", VERSION, VERSION, " (this program reads"
                + " version " + VERSION + ")");
        String task = task(run);
        Trainer.Settings settings = settings(run.object("training",
                TRAINING));
        int step = (int) run.whole("step", 0, settings.steps(),
                " (training.steps)");
        fileName(run, "model_file", Checkpoint.modelFile(step), step);
        fileName(run, "optimizer_file", Checkpoint.optimizerFile(step), step);
        Map<String, String> checksums = checksums(run,
                Checkpoint.files(step));
        return new Checkpoint.Run(task, model(run.object("model", MODEL)),
                settings, step, checksums);
    }

    private static JsonNode parse(Path file, byte[] bytes)
            throws BadFileException {
        try {
            return JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new BadFileException(file, file + ": it is not valid JSON: "
                    + JsonFields.cut(e.getOriginalMessage()));
        } catch (IOException e) {  // bytes of no Unicode encoding
            throw new BadFileException(file, file + ": it is not valid JSON: "
                    + JsonFields.cut(String.valueOf(e.getMessage())));
        }
    }

    private static String task(JsonFields run) throws BadFileException {
        String name = run.text("task");
        try {
            return Task.named(name).name();
        } catch (IllegalArgumentException e) {
            throw run.fault("task", "the name of a task (" + e.getMessage()
                    + ")");
        }
    }

    // tag::model-sizes[]
    private static ModelConfig model(JsonFields m) throws BadFileException {
        int model = m.whole("d_model", 2, MAX_MODEL);
        if (model % 2 != 0) {  // every sine column has its cosine
            throw m.fault("d_model", "even, from 2 to " + MAX_MODEL);
        }
        int heads = m.whole("heads", 1, model);
        if (model % heads != 0) {
            throw m.fault("heads", "a divisor of model.d_model, " + model);
        }
        return new ModelConfig(model, heads,
                m.whole("d_ff", 1, MAX_FEED_FORWARD),
                m.whole("encoder_layers", 1, MAX_LAYERS),
                m.whole("decoder_layers", 1, MAX_LAYERS),
                m.number("dropout", p -> p >= 0 && p < 1,
                        "a number from 0 to 1, 1 excluded"),
                NormPlacement.valueOf(m.oneOf("norm", List.of("post", "pre"))
                        .toUpperCase(Locale.ROOT)),
                m.bool("tied"));
    }
    // end::model-sizes[]

    private static Trainer.Settings settings(JsonFields t)
            throws BadFileException {
        int steps = t.whole("steps", 1, Integer.MAX_VALUE);
        int batch = t.whole("batch_size", 1, MAX_BATCH);
        return new Trainer.Settings(steps, batch,
                t.whole("warmup", 1, Integer.MAX_VALUE),
                t.number("rate_factor", r -> r > 0, "a positive number"),
                t.number("clip", c -> c > 0, "a positive number"),
                t.whole("seed", Long.MIN_VALUE, Long.MAX_VALUE, ""),
                (int) t.whole("training_pairs", batch, MAX_TRAINING_PAIRS,
                        " (training.batch_size to the limit)"),
                t.whole("validate_every", 0, Integer.MAX_VALUE),
                (int) t.whole("micro_batches", 1, batch,
                        " (training.batch_size)"));
    }

    /**
     * A file name of run.json: exactly the step's file, so always a plain
     * name inside the run folder, never a path that leaves it.
     */
    private static void fileName(JsonFields run, String field,
            String expected, int step) throws BadFileException {
        String name = run.text(field);
        if (!name.equals(expected)) {
            boolean plain = !name.isEmpty() && !name.equals(".")
                    && !name.equals("..") && !name.contains("/")
                    && !name.contains("\\") && name.indexOf(0) < 0;
            throw run.fault(field, "\"" + expected + "\", the file of step "
                    + step + (plain ? "" : "; run.json names files inside"
                    + " its folder only"));
        }
    }

    /** The SHA-256 of each of the step's files, and of no other. */
    private static Map<String, String> checksums(JsonFields run,
            List<String> files) throws BadFileException {
        JsonFields sums = run.object("sha256", files);
        Map<String, String> checksums = new LinkedHashMap<>();
        for (String name : files) {
            String sum = sums.text(name);
            if (!SHA256.matcher(sum).matches()) {
                throw sums.fault(name, "64 hexadecimal digits, lower case");
            }
            checksums.put(name, sum);
        }
        return checksums;
    }
}
