package org.scratchformer.translation.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.translation.ModelConfig;
import org.scratchformer.translation.checkpoint.Checkpoint.Run;
import org.scratchformer.translation.data.Task;
import org.scratchformer.translation.data.Vocabulary;

/**
 * The checks of a run folder's files against its run.json, each failure a
 * {@link BadFileException} that names the file, what it holds and what
 * run.json says.
 */
final class RunChecks {
    private RunChecks() {
    }

    /** Why a folder has no run.json to read, and what to do. */
    static BadFileException noRun(Path dir, Path file) {
        String train = " (train one with `train --out " + dir + "`)";
        if (!Files.isDirectory(dir)) {
            return new BadFileException(dir, Files.exists(dir) ? dir
                    + " is a file, not a run folder" : "there is no run"
                    + " folder " + dir + train);
        }
        return new BadFileException(file, Files.exists(file, LinkOption
                .NOFOLLOW_LINKS) ? file + " is not a regular file"
                : file + " is missing: " + dir + " holds no trained model"
                + train);
    }

    /**
     * Refuses a model whose weights would not fit this JVM's memory: the
     * model's numbers and the file's copy of them as it is read, 8 bytes
     * each.
     */
    static void requireMemory(Path file, Run run, long available)
            throws BadFileException {
        Task task = Task.named(run.task());
        ModelConfig c = run.model();
        long parameters = c.parameterCount(task.sourceVocabulary().size(),
                task.targetVocabulary().size());
        long needed = 2 * 8 * parameters;
        if (needed > available) {
            throw new BadFileException(file, String.format(Locale.ROOT,
                    "%s: its model (d_model %d, %d heads, d_ff %d, %d + %d"
                    + " layers) has %,d parameters; loading them takes"
                    + " %,d MB (8 bytes a number, twice: the model and the"
                    + " file's copy), more than the %,d MB this JVM may use"
                    + " (its -Xmx)", file, c.model(), c.heads(),
                    c.feedForward(), c.encoderLayers(), c.decoderLayers(),
                    parameters, needed >> 20, available >> 20));
        }
    }

    /** A file of the step in the folder; missing is a one-line error. */
    static Path stepFile(Path dir, String name, String what, Run run)
            throws BadFileException {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new BadFileException(file, file + " is "
                    + (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                    ? "not a regular file" : "missing")
                    + ": run.json names it as " + what + " of step "
                    + run.step());
        }
        return file;
    }

    /** The file's metadata must be exactly what run.json says it is. */
    static void requireMetadata(Path file, Map<String, String> found,
            Map<String, String> expected) throws BadFileException {
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String value = found.get(e.getKey());
            if (!e.getValue().equals(value)) {
                throw new BadFileException(file, file + ": its "
                        + SafeTensors.METADATA + " gives " + e.getKey() + " "
                        + (value == null ? "no value" : "\"" + JsonFields.cut(
                        value) + "\"") + ", but run.json gives \""
                        + e.getValue() + "\": one of the two was changed,"
                        + " or the file is of another run");
            }
        }
        for (String key : found.keySet()) {
            if (!expected.containsKey(key)) {
                throw new BadFileException(file, file + ": its "
                        + SafeTensors.METADATA + " has an unknown key '"
                        + JsonFields.cut(key) + "'; the keys are "
                        + String.join(", ", expected.keySet()));
            }
        }
    }

    /** The vocabulary file must hold the task's own vocabulary. */
    static void requireVocabulary(Path dir, String name,
            Vocabulary expected, String side, Run run) throws IOException {
        Path file = stepFile(dir, name, "the " + side + " vocabulary", run);
        Vocabulary found;
        try {
            found = Vocabulary.load(file);
        } catch (IllegalArgumentException e) {
            throw new BadFileException(file, e.getMessage());
        } catch (IOException e) {
            throw new BadFileException(file, "vocabulary file " + file
                    + " cannot be read (" + e + ")");
        }
        if (!found.equals(expected)) {
            throw new BadFileException(file, file + ": " + difference(found,
                    expected) + " in the " + run.task() + " task's " + side
                    + " vocabulary");
        }
        requireChecksum(file, run);
    }

    /** "token 5 is 'x', but 'c'", or the sizes. */
    static String difference(Vocabulary found, Vocabulary expected) {
        for (int id = 0; id < Math.min(found.size(), expected.size()); id++) {
            if (!found.token(id).equals(expected.token(id))) {
                return "token " + id + " is '" + JsonFields.cut(found.token(
                        id)) + "', but '" + expected.token(id) + "'";
            }
        }
        return "it holds " + found.size() + " tokens, but "
                + expected.size() + " are";
    }

    /** The file's SHA-256 must be the one run.json records for it. */
    static void requireChecksum(Path file, Run run) throws IOException {
        String name = file.getFileName().toString();
        String expected = run.checksums().get(name);
        if (expected == null) {
            throw new IllegalArgumentException("the run has no checksum of "
                    + name + ": read it with readRun");
        }
        String found;
        try {
            found = Sha256.of(file);
        } catch (IOException e) {
            throw new BadFileException(file, file + ": it cannot be read ("
                    + e + ")");
        }
        if (!found.equals(expected)) {
            throw new BadFileException(file, file + ": its SHA-256 is "
                    + found + ", but run.json records " + expected + ": the"
                    + " file was changed or damaged after it was saved");
        }
    }

    /** The optimizer's step count: a whole number, at most run.json's step. */
    static void requireStepCount(Path file, DMatrixRMaj count, Run run)
            throws BadFileException {
        double steps = count.get(0);
        if (!(steps >= 0 && steps <= run.step() && steps == Math.rint(steps))) {
            throw new BadFileException(file, file + ": tensor 'step' holds "
                    + steps + "; the optimizer's step count is a whole"
                    + " number from 0 to " + run.step() + " (run.json's"
                    + " step)");
        }
    }
}
