package org.scratchformer.translation.checkpoint;

import static org.scratchformer.translation.checkpoint.Edits.pick;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.scratchformer.translation.checkpoint.Damage.Sources;
import org.scratchformer.translation.checkpoint.Edits.Field;

/** The damages {@link Damage} does to run.json. */
final class RunJsonDamage {
    private RunJsonDamage() {
    }

    // --- run.json ---

    static String bitFlip(Folder f, Random r, Sources s) {
        byte[] bytes = f.get(Checkpoint.RUN);
        return "run.json: " + Edits.flipBit(bytes, 0, bytes.length, r);
    }

    static String byteSet(Folder f, Random r, Sources s) {
        byte[] bytes = f.get(Checkpoint.RUN);
        return "run.json: " + Edits.setByte(bytes, 0, bytes.length, r);
    }

    static String cutShort(Folder f, Random r, Sources s) {
        byte[] bytes = f.get(Checkpoint.RUN);
        int length = r.nextInt(bytes.length);
        f.put(Checkpoint.RUN, Arrays.copyOf(bytes, length));
        return "run.json cut to " + length + " of " + bytes.length + " bytes";
    }

    static String spliced(Folder f, Random r, Sources s) {
        byte[][] file = {f.get(Checkpoint.RUN)};
        String what = Edits.splice(file, r);
        f.put(Checkpoint.RUN, file[0]);
        return "run.json: " + what;
    }

    static String fieldValue(Folder f, Random r, Sources s) {
        JsonNode root = Edits.tree(f.get(Checkpoint.RUN));
        Field field = pick(r, Edits.leaves(root));
        String raw = Edits.rawValue(r, field.parent().get(field.key()));
        f.put(Checkpoint.RUN, Edits.withRawValue(root, field, raw));
        return "run.json: " + field.key() + " set to " + shorten(raw);
    }

    static String fieldStructure(Folder f, Random r,
            Sources s) {
        JsonNode root = Edits.tree(f.get(Checkpoint.RUN));
        Field field = pick(r, Edits.fields(root));
        ObjectNode parent = field.parent();
        String key = field.key();
        JsonNode value = parent.get(key);
        String text = new String(Edits.pretty(root), StandardCharsets.UTF_8);
        String did;
        switch (r.nextInt(6)) {
            case 0 -> {
                parent.remove(key);
                did = "removed";
            }
            case 1 -> {
                parent.remove(key);
                parent.set(pick(r, key.toUpperCase(Locale.ROOT), key + "_",
                        key.substring(1), " " + key, "shards"), value);
                did = "renamed";
            }
            case 2 -> {
                parent.set(pick(r, "extra", "comment", "model_file",
                        "__proto__", ""), value);
                did = "copied under another name";
            }
            case 3 -> {
                // a key twice: only the text can say it
                String line = "\"" + key + "\" : ";
                f.put(Checkpoint.RUN, text.replaceFirst(
                        java.util.regex.Pattern.quote(line), line
                        + value.toString().replace("\\", "\\\\")
                        .replace("$", "\\$") + ",\n  " + line)
                        .getBytes(StandardCharsets.UTF_8));
                return "run.json: " + key + " written twice";
            }
            case 4 -> {
                ObjectNode other = root.get(pick(r, "model", "training",
                        "sha256")).deepCopy();
                parent.remove(key);
                ((ObjectNode) root).set(pick(r, "model", "training",
                        "sha256"), other);
                did = "removed, and an object moved";
            }
            default -> {
                ArrayNode list = Edits.JSON.createArrayNode().add(value);
                parent.set(key, list);
                did = "wrapped in a list";
            }
        }
        f.put(Checkpoint.RUN, Edits.pretty(root));
        return "run.json: " + key + " " + did;
    }

    static String fileNames(Folder f, Random r, Sources s) {
        ObjectNode root = (ObjectNode) Edits.tree(f.get(Checkpoint.RUN));
        String name = pick(r, "../../../../etc/passwd", "/etc/passwd",
                "../" + s.model(), "./" + s.model(), s.model() + "/",
                s.model() + "\u0000", s.optimizer(), s.model(),
                "model-000001.safetensors", "model-2.safetensors",
                "model-0000002.safetensors", Checkpoint.RUN, ".", "..", "",
                "C:\\model-000002.safetensors", "x".repeat(5000),
                Checkpoint.SOURCE_VOCABULARY, "/dev/zero");
        String field = pick(r, "model_file", "optimizer_file", "sha256");
        if (field.equals("sha256")) {
            ObjectNode sums = (ObjectNode) root.get("sha256");
            String key = pick(r, new ArrayList<>(List.of(s.model(),
                    s.optimizer(), Checkpoint.SOURCE_VOCABULARY,
                    Checkpoint.TARGET_VOCABULARY)));
            JsonNode sum = sums.remove(key);
            sums.set(name, sum);
            f.put(Checkpoint.RUN, Edits.pretty(root));
            return "run.json: sha256 of " + key + " filed under '"
                    + shorten(name) + "'";
        }
        root.put(field, name);
        f.put(Checkpoint.RUN, Edits.pretty(root));
        return "run.json: " + field + " set to '" + shorten(name) + "'";
    }

    /** Sizes at and past their limits, and models too big for memory. */
    static String sizes(Folder f, Random r, Sources s) {
        ObjectNode root = (ObjectNode) Edits.tree(f.get(Checkpoint.RUN));
        ObjectNode model = (ObjectNode) root.get("model");
        ObjectNode training = (ObjectNode) root.get("training");
        List<String> did = new ArrayList<>();
        int edits = 1 + r.nextInt(3);
        for (int i = 0; i < edits; i++) {
            boolean inModel = r.nextBoolean();
            ObjectNode object = inModel ? model : training;
            String key = inModel ? pick(r, "d_model", "heads", "d_ff",
                    "encoder_layers", "decoder_layers") : pick(r, "steps",
                    "batch_size", "warmup", "training_pairs",
                    "validate_every", "micro_batches");
            long value = pick(r, 0L, -1L, 1L, 2L, 3L, 4L, 6L, 16L, 63L, 64L,
                    65L, 100_000L, 1023L, 1024L, 1025L, 8191L, 8192L, 8193L,
                    16_384L, 32_767L, 32_768L, 32_769L, 999_999L, 1_000_000L,
                    1_000_001L, 2_000_000_000L, (long) Integer.MAX_VALUE,
                    Integer.MAX_VALUE + 1L);
            object.put(key, value);
            did.add(key + " " + value);
        }
        if (r.nextInt(4) == 0) {
            root.put("step", pick(r, 0, 1, 3, 9, 10, 11, 999));
            did.add("step " + root.get("step"));
        }
        f.put(Checkpoint.RUN, Edits.pretty(root));
        return "run.json: " + String.join(", ", did);
    }

    /** The same fields written otherwise: may load, or be refused. */
    static String rewritten(Folder f, Random r, Sources s) {
        JsonNode root = Edits.tree(f.get(Checkpoint.RUN));
        String text = new String(f.get(Checkpoint.RUN),
                StandardCharsets.UTF_8);
        switch (r.nextInt(5)) {
            case 0 -> {
                f.put(Checkpoint.RUN, Edits.compact(root));
                return "run.json written on one line";
            }
            case 1 -> {
                f.put(Checkpoint.RUN, text.replace("\n", "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                return "run.json with CR LF line ends";
            }
            case 2 -> {
                f.put(Checkpoint.RUN, Edits.concat(new byte[] {(byte) 0xef,
                        (byte) 0xbb, (byte) 0xbf}, f.get(Checkpoint.RUN)));
                return "run.json after a UTF-8 byte order mark";
            }
            case 3 -> {
                ObjectNode reordered = Edits.JSON.createObjectNode();
                List<String> keys = new ArrayList<>();
                root.fieldNames().forEachRemaining(keys::add);
                java.util.Collections.shuffle(keys, r);
                keys.forEach(k -> reordered.set(k, root.get(k)));
                f.put(Checkpoint.RUN, Edits.pretty(reordered));
                return "run.json with its fields in the order " + keys;
            }
            default -> {
                f.put(Checkpoint.RUN, (text + pick(r, "\n", " ", "{}", "x",
                        "\u0000", "// end")).getBytes(StandardCharsets.UTF_8));
                return "run.json with something after its object";
            }
        }
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
