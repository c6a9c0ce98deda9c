package org.scratchformer.translation.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scratchformer.transformer.NormPlacement;
import org.scratchformer.translation.ModelConfig;
import org.scratchformer.translation.Trainer;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.data.Task;

/**
 * Each damage the reliability issue measured, and more, is one line that
 * names the file, the field or tensor, what was found and what is allowed.
 */
class UntrustedRunFolderTest {
    @TempDir
    Path dir;

    final Task task = Task.named("copy");
    final Trainer.Settings settings = new Trainer.Settings(10, 4, 2, 1.0,
            1.0, 1, 8, 0);
    Translator model;

    @BeforeEach
    void save() throws IOException {
        model = new Translator(CheckpointTest.TINY,
                task.sourceVocabulary().size(),
                task.targetVocabulary().size(), new Random(1));
        Checkpoint.save(dir, new Checkpoint.Run("copy", CheckpointTest.TINY,
                settings, 2), model, new Trainer(model, task, settings)
                .optimizer(), task);
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    /** Loads as translate does; the message of the refusal. */
    String refusal() {
        BadFileException e = assertThrows(BadFileException.class,
                () -> Checkpoint.loadModel(dir, Checkpoint.readRun(dir)));
        assertTrue(e.getMessage().contains(e.file().toString()),
                e.getMessage());
        return e.getMessage();
    }

    /** Sets a field of run.json, {@code path} "model.d_model", to raw JSON. */
    void edit(String path, String raw) throws IOException {
        JsonNode root = Edits.tree(Files.readAllBytes(file(Checkpoint.RUN)));
        String[] keys = path.split("\\.", 2);  // file names have dots
        ObjectNode parent = (ObjectNode) root;
        for (int i = 0; i < keys.length - 1; i++) {
            parent = (ObjectNode) parent.get(keys[i]);
        }
        Edits.Field field = new Edits.Field(parent, keys[keys.length - 1]);
        Files.write(file(Checkpoint.RUN), Edits.withRawValue(root, field,
                raw));
    }

    // --- the rows of the table ---

    @Test
    void aDeletedModelFile() throws IOException {
        Files.delete(file("model-000002.safetensors"));
        assertEquals(file("model-000002.safetensors") + " is missing:"
                + " run.json names it as the weights of step 2", refusal());
    }

    @Test
    void theStepChanged() throws IOException {
        edit("step", "999");
        assertEquals(file("run.json") + ": step is 999; it must be a whole"
                + " number from 0 to 10 (training.steps)", refusal());
        edit("step", "3");
        assertEquals(file("run.json") + ": model_file is"
                + " \"model-000002.safetensors\" (text); it must be"
                + " \"model-000003.safetensors\", the file of step 3",
                refusal());
    }

    @Test
    void hundredThousandEncoderLayers() throws IOException {
        edit("model.encoder_layers", "100000");
        assertEquals(file("run.json") + ": model.encoder_layers is 100000; it"
                + " must be a whole number from 1 to 64", refusal());
    }

    @Test
    void aModelWidthOfTwoBillion() throws IOException {
        edit("model.d_model", "2000000000");
        assertEquals(file("run.json") + ": model.d_model is 2000000000; it"
                + " must be a whole number from 2 to 8192", refusal());
    }

    @Test
    void everyWeightNaN() throws IOException {
        Map<String, DMatrixRMaj> weights = SafeTensors.weights(model);
        weights.values().forEach(m -> java.util.Arrays.fill(m.data,
                Double.NaN));
        Path weightsFile = file("model-000002.safetensors");
        SafeTensors.write(weightsFile, weights,
                SafeTensors.metadata(weightsFile));
        assertEquals("safetensors file " + weightsFile + ": tensor"
                + " 'source_embedding.weight' holds NaN at row 0, column 0;"
                + " weights and optimizer state must be finite numbers",
                refusal());
    }

    @Test
    void aModelWidthWrittenAsText() throws IOException {
        edit("model.d_model", "\"8\"");
        assertEquals(file("run.json") + ": model.d_model is \"8\" (text); it"
                + " must be a whole number from 2 to 8192", refusal());
    }

    @Test
    void vocabulariesOfGarbageEmptiedOrDeleted() throws IOException {
        Path source = file(Checkpoint.SOURCE_VOCABULARY);
        Files.writeString(source, "garbage");
        assertTrue(refusal().startsWith("vocabulary file " + source
                + " cannot be read: it is not valid JSON: Unrecognized token"
                + " 'garbage'"), refusal());
        Files.writeString(source, "");
        assertEquals("vocabulary file " + source + " cannot be read: it is"
                + " not a vocabulary: it needs \"format\":"
                + " \"scratchformer-vocabulary\"", refusal());
        Files.delete(source);
        assertEquals(source + " is missing: run.json names it as the source"
                + " vocabulary of step 2", refusal());
    }

    @Test
    void aVocabularyOfAnotherTask() throws IOException {
        Path target = file(Checkpoint.TARGET_VOCABULARY);
        Task.named("numbers").targetVocabulary().save(target);
        assertEquals(target + ": token 3 is 'zéro', but 'a' in the copy"
                + " task's target vocabulary", refusal());
    }

    @Test
    void aModelFileNameOutsideTheFolder() throws IOException {
        edit("model_file", "\"../../../../etc/passwd\"");
        assertEquals(file("run.json") + ": model_file is"
                + " \"../../../../etc/passwd\" (text); it must be"
                + " \"model-000002.safetensors\", the file of step 2;"
                + " run.json names files inside its folder only", refusal());
    }

    // --- beyond the table ---

    @Test
    void aModelTooBigForThisJvm() throws IOException {
        edit("model", "{\"d_model\": 8192, \"heads\": 8, \"d_ff\": 32768,"
                + " \"encoder_layers\": 64, \"decoder_layers\": 64,"
                + " \"dropout\": 0.0, \"norm\": \"post\", \"tied\": false}");
        long available = Runtime.getRuntime().maxMemory() >> 20;
        assertEquals(file("run.json") + ": its model (d_model 8192, 8 heads,"
                + " d_ff 32768, 64 + 64 layers) has 120,276,181,005"
                + " parameters; loading them takes 1,835,268 MB (8 bytes a"
                + " number, twice: the model and the file's copy), more"
                + " than the " + String.format(java.util.Locale.ROOT, "%,d",
                available) + " MB"
                + " this JVM may use (its -Xmx)", refusal());
    }

    @Test
    void theMemoryCheckComparesWithWhatTheJvmMayUse() throws IOException {
        Checkpoint.Run run = Checkpoint.readRun(dir);
        long needed = 16 * CheckpointTest.TINY.parameterCount(
                task.sourceVocabulary().size(),
                task.targetVocabulary().size());
        RunChecks.requireMemory(file(Checkpoint.RUN), run, needed);
        assertThrows(BadFileException.class, () -> RunChecks.requireMemory(
                file(Checkpoint.RUN), run, needed - 1));
    }

    @Test
    void headsChangedWithTheShapesTheSame() throws IOException {
        edit("model.heads", "4");
        assertEquals(file("model-000002.safetensors") + ": its __metadata__"
                + " gives heads \"2\", but run.json gives \"4\": one of the"
                + " two was changed, or the file is of another run",
                refusal());
    }

    @Test
    void aFlippedBitInAWeight() throws IOException {
        Path weights = file("model-000002.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        long header = ByteBuffer.wrap(bytes, 0, 8)
                .order(ByteOrder.LITTLE_ENDIAN).getLong();
        bytes[8 + (int) header + 3] ^= 1;  // still a finite number
        Files.write(weights, bytes);
        String message = refusal();
        assertTrue(message.startsWith(weights + ": its SHA-256 is "), message);
        assertTrue(message.endsWith(": the file was changed or damaged"
                + " after it was saved"), message);
    }

    @Test
    void aFileInPlaceOfTheFolder() throws IOException {
        Path notAFolder = dir.resolve("file");
        Files.writeString(notAFolder, "x");
        BadFileException e = assertThrows(BadFileException.class,
                () -> Checkpoint.readRun(notAFolder));
        assertEquals(notAFolder + " is a file, not a run folder",
                e.getMessage());
        Path missing = dir.resolve("missing");
        e = assertThrows(BadFileException.class,
                () -> Checkpoint.readRun(missing));
        assertEquals("there is no run folder " + missing + " (train one with"
                + " `train --out " + missing + "`)", e.getMessage());
    }

    @Test
    void aTooLongRunJsonIsRefusedUnread() throws IOException {
        Files.write(file(Checkpoint.RUN), new byte[70_000]);
        assertEquals(file("run.json") + ": it has more than 65536 bytes; a"
                + " run.json has about 1,000", refusal());
    }

    @Test
    void theOptimizersStepCountIsAWholeNumberUpToTheRunsStep()
            throws IOException {
        Path optimizer = file("optimizer-000002.safetensors");
        SafeTensors.Contents saved = SafeTensors.read(optimizer);
        Map<String, DMatrixRMaj> state = new java.util.LinkedHashMap<>(
                saved.tensors());
        state.put("step", new DMatrixRMaj(1, 1, true, 2.5));
        SafeTensors.write(optimizer, state, saved.metadata());
        Checkpoint.Run run = Checkpoint.readRun(dir);
        BadFileException e = assertThrows(BadFileException.class,
                () -> Checkpoint.loadOptimizer(dir, run, new Trainer(model,
                        task, settings).optimizer()));
        assertEquals(optimizer + ": tensor 'step' holds 2.5; the"
                + " optimizer's step count is a whole number from 0 to 2"
                + " (run.json's step)", e.getMessage());
    }

    /** Each field's type and range: the field, the value, the rule. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "format | \"run\" | format is \"run\" (text); it must be"
                + " \"scratchformer-run\" (a run folder of this program)",
        "version | 2 | version is 2; it must be a whole number from 1 to 1"
                + " (this program reads version 1)",
        "task | \"copz\" | task is \"copz\" (text); it must be the name of a"
                + " task (unknown task 'copz'; the tasks are numbers,"
                + " numbers-by-digits, copy, reverse)",
        "task | 7 | task is 7; it must be a string",
        "step | -1 | step is -1; it must be a whole number from 0 to 10"
                + " (training.steps)",
        "step | 2.0 | step is 2.0; it must be a whole number from 0 to 10"
                + " (training.steps)",
        "sha256 | [] | sha256 is a list []; it must be an object of the"
                + " fields model-000002.safetensors,"
                + " optimizer-000002.safetensors, source-vocabulary.json,"
                + " target-vocabulary.json",
        "sha256.source-vocabulary.json | \"abc\" |"
                + " sha256.source-vocabulary.json is \"abc\" (text); it must"
                + " be 64 hexadecimal digits, lower case",
        "model.d_model | 7 | model.d_model is 7; it must be even, from 2 to"
                + " 8192",
        "model.d_model | 8193 | model.d_model is 8193; it must be a whole"
                + " number from 2 to 8192",
        "model.heads | 3 | model.heads is 3; it must be a divisor of"
                + " model.d_model, 8",
        "model.heads | 16 | model.heads is 16; it must be a whole number"
                + " from 1 to 8",
        "model.d_ff | 32769 | model.d_ff is 32769; it must be a whole number"
                + " from 1 to 32768",
        "model.decoder_layers | 0 | model.decoder_layers is 0; it must be a"
                + " whole number from 1 to 64",
        "model.dropout | 1 | model.dropout is 1; it must be a number from 0"
                + " to 1, 1 excluded",
        "model.dropout | 1e309 | model.dropout is Infinity; it must be a"
                + " number from 0 to 1, 1 excluded",
        "model.norm | \"POST\" | model.norm is \"POST\" (text); it must be one"
                + " of post, pre",
        "model.tied | \"false\" | model.tied is \"false\" (text); it must be"
                + " true or false",
        "training.steps | 0 | training.steps is 0; it must be a whole number"
                + " from 1 to 2147483647",
        "training.batch_size | 1025 | training.batch_size is 1025; it must"
                + " be a whole number from 1 to 1024",
        "training.warmup | null | training.warmup is null; it must be a"
                + " whole number from 1 to 2147483647",
        "training.rate_factor | -1.0 | training.rate_factor is -1.0; it must"
                + " be a positive number",
        "training.clip | 0 | training.clip is 0; it must be a positive"
                + " number",
        "training.seed | 9223372036854775808 | training.seed is"
                + " 9223372036854775808; it must be a whole number from"
                + " -9223372036854775808 to 9223372036854775807",
        "training.training_pairs | 1000001 | training.training_pairs is"
                + " 1000001; it must be a whole number from 4 to 1000000"
                + " (training.batch_size to the limit)",
        "training.validate_every | -1 | training.validate_every is -1; it"
                + " must be a whole number from 0 to 2147483647",
        "training.micro_batches | 5 | training.micro_batches is 5; it must"
                + " be a whole number from 1 to 4 (training.batch_size)",
        "model | {} | the field model.d_model is missing",
    })
    void eachFieldIsCheckedForTypeAndRange(String path, String raw,
            String message) throws IOException {
        edit(path, raw);
        assertEquals(file("run.json") + ": " + message, refusal());
    }

    @Test
    void anUnknownOrRepeatedFieldIsRefused() throws IOException {
        edit("model", "{\"d_model\": 8, \"extra\": 1}");
        assertEquals(file("run.json") + ": model has an unknown field"
                + " 'extra'; its fields are d_model, heads, d_ff,"
                + " encoder_layers, decoder_layers, dropout, norm, tied",
                refusal());
        edit("task", "\"copy\", \"task\": \"copy\"");
        assertTrue(refusal().startsWith(file("run.json") + ": it is not"
                + " valid JSON: Duplicate field 'task'"), refusal());
    }

    @Test
    void filesThatAreNotWhatTheyShouldBe() throws IOException {
        Path json = file(Checkpoint.RUN);
        Files.writeString(json, "[]");
        assertEquals(json + ": it must hold a JSON object, got a list []",
                refusal());
        Files.writeString(json, "{");
        assertTrue(refusal().startsWith(json + ": it is not valid JSON:"
                + " Unexpected end-of-input"), refusal());
        Files.delete(json);
        Files.createDirectory(json);
        assertEquals(json + " is not a regular file", refusal());
    }

    @Test
    void aFolderInPlaceOfTheWeights() throws IOException {
        Path weights = file("model-000002.safetensors");
        Files.delete(weights);
        Files.createDirectory(weights);
        assertEquals(weights + " is not a regular file: run.json names it as"
                + " the weights of step 2", refusal());
    }

    @Test
    void aMetadataKeyRunJsonDoesNotKnow() throws IOException {
        Path weights = file("model-000002.safetensors");
        Map<String, String> metadata = new java.util.LinkedHashMap<>(
                SafeTensors.metadata(weights));
        metadata.put("note", "x");
        SafeTensors.write(weights, SafeTensors.read(weights).tensors(),
                metadata);
        assertEquals(weights + ": its __metadata__ has an unknown key"
                + " 'note'; the keys are step, task, d_model, heads, d_ff,"
                + " encoder_layers, decoder_layers, dropout, norm, tied",
                refusal());
    }

    @Test
    void aRunMadeInCodeHasNoChecksumsToLoadBy() {
        Checkpoint.Run unsaved = new Checkpoint.Run("copy",
                CheckpointTest.TINY, settings, 2);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Checkpoint.loadModel(dir, unsaved));
        assertEquals("the run has no checksum of source-vocabulary.json:"
                + " read it with readRun", e.getMessage());
    }

    @Test
    void aSavedRunLoadsWithTheSavedWeights() throws IOException {
        Checkpoint.Run run = Checkpoint.readRun(dir);
        assertEquals(new ModelConfig(8, 2, 16, 1, 1, 0.0,
                NormPlacement.POST, false), run.model());
        assertEquals(Checkpoint.files(2), java.util.List.copyOf(
                run.checksums().keySet()));
        CheckpointTest.assertSameWeights(model, Checkpoint.loadModel(dir,
                run));
    }
}
