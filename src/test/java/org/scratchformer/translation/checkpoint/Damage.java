package org.scratchformer.translation.checkpoint;

import static org.scratchformer.translation.checkpoint.Edits.pick;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.scratchformer.translation.checkpoint.Edits.Field;
import org.scratchformer.translation.checkpoint.Edits.Tensors;

/**
 * The kinds of damage done to a saved run folder, each drawn from a seed:
 * to run.json, to the two safetensors files, to the vocabularies, and to
 * the folder itself. {@link #apply} damages a copy of the folder and says
 * what it did.
 */
enum Damage {
    RUN_JSON_BIT_FLIP(Damage::runJsonBitFlip),
    RUN_JSON_BYTE_SET(Damage::runJsonByteSet),
    RUN_JSON_CUT_SHORT(Damage::runJsonCutShort),
    RUN_JSON_SPLICED(Damage::runJsonSpliced),
    RUN_JSON_FIELD_VALUE(Damage::runJsonFieldValue),
    RUN_JSON_FIELD_STRUCTURE(Damage::runJsonFieldStructure),
    RUN_JSON_FILE_NAMES(Damage::runJsonFileNames),
    RUN_JSON_SIZES(Damage::runJsonSizes),
    RUN_JSON_REWRITTEN(Damage::runJsonRewritten),
    TENSORS_HEADER_BIT_FLIP(Damage::tensorsHeaderBitFlip),
    TENSORS_DATA_BIT_FLIP(Damage::tensorsDataBitFlip),
    TENSORS_LENGTH_PREFIX(Damage::tensorsLengthPrefix),
    TENSORS_CUT_OR_EXTENDED(Damage::tensorsCutOrExtended),
    TENSORS_ENTRY_EDIT(Damage::tensorsEntryEdit),
    TENSORS_NAMES(Damage::tensorsNames),
    TENSORS_METADATA(Damage::tensorsMetadata),
    TENSORS_NON_FINITE(Damage::tensorsNonFinite),
    TENSORS_OTHER_VALUE(Damage::tensorsOtherValue),
    VOCABULARY_BYTES(Damage::vocabularyBytes),
    VOCABULARY_TOKENS(Damage::vocabularyTokens),
    FILE_MISSING(Damage::fileMissing),
    FILE_EMPTY_OR_GARBAGE(Damage::fileEmptyOrGarbage),
    FILE_OF_ANOTHER_KIND(Damage::fileOfAnotherKind),
    FILE_OF_ANOTHER_RUN(Damage::fileOfAnotherRun),
    FOLDER_EXTRAS(Damage::folderExtras),
    TWO_AT_ONCE(Damage::twoAtOnce);

    /** The saved folders a damage draws on. */
    record Sources(Folder original, Folder otherSeed, Folder otherHeads,
            Folder earlierStep, String model, String optimizer) {
        List<String> tensorFiles() {
            return List.of(model, optimizer);
        }

        List<String> allFiles() {
            return List.of(Checkpoint.RUN, model, optimizer,
                    Checkpoint.SOURCE_VOCABULARY,
                    Checkpoint.TARGET_VOCABULARY);
        }
    }

    /** Damages {@code folder} in place; returns what it did. */
    interface Edit {
        String apply(Folder folder, Random random, Sources sources);
    }

    private final Edit edit;

    Damage(Edit edit) {
        this.edit = edit;
    }

    String apply(Folder folder, Random random, Sources sources) {
        return edit.apply(folder, random, sources);
    }

    // --- run.json ---

    private static String runJsonBitFlip(Folder f, Random r, Sources s) {
        byte[] bytes = f.get(Checkpoint.RUN);
        return "run.json: " + Edits.flipBit(bytes, 0, bytes.length, r);
    }

    private static String runJsonByteSet(Folder f, Random r, Sources s) {
        byte[] bytes = f.get(Checkpoint.RUN);
        return "run.json: " + Edits.setByte(bytes, 0, bytes.length, r);
    }

    private static String runJsonCutShort(Folder f, Random r, Sources s) {
        byte[] bytes = f.get(Checkpoint.RUN);
        int length = r.nextInt(bytes.length);
        f.put(Checkpoint.RUN, Arrays.copyOf(bytes, length));
        return "run.json cut to " + length + " of " + bytes.length + " bytes";
    }

    private static String runJsonSpliced(Folder f, Random r, Sources s) {
        byte[][] file = {f.get(Checkpoint.RUN)};
        String what = Edits.splice(file, r);
        f.put(Checkpoint.RUN, file[0]);
        return "run.json: " + what;
    }

    private static String runJsonFieldValue(Folder f, Random r, Sources s) {
        JsonNode root = Edits.tree(f.get(Checkpoint.RUN));
        Field field = pick(r, Edits.leaves(root));
        String raw = Edits.rawValue(r, field.parent().get(field.key()));
        f.put(Checkpoint.RUN, Edits.withRawValue(root, field, raw));
        return "run.json: " + field.key() + " set to " + shorten(raw);
    }

    private static String runJsonFieldStructure(Folder f, Random r,
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

    private static String runJsonFileNames(Folder f, Random r, Sources s) {
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
    private static String runJsonSizes(Folder f, Random r, Sources s) {
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
    private static String runJsonRewritten(Folder f, Random r, Sources s) {
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

    // --- the safetensors files ---

    private static String tensorsHeaderBitFlip(Folder f, Random r,
            Sources s) {
        String name = pick(r, s.tensorFiles());
        byte[] bytes = f.get(name);
        int end = Tensors.dataStart(bytes);
        return name + ": " + (r.nextBoolean()
                ? Edits.flipBit(bytes, 8, end, r)
                : Edits.setByte(bytes, 8, end, r)) + " (header)";
    }

    private static String tensorsDataBitFlip(Folder f, Random r,
            Sources s) {
        String name = pick(r, s.tensorFiles());
        byte[] bytes = f.get(name);
        return name + ": " + Edits.flipBit(bytes, Tensors.dataStart(bytes),
                bytes.length, r) + " (data)";
    }

    private static String tensorsLengthPrefix(Folder f, Random r,
            Sources s) {
        String name = pick(r, s.tensorFiles());
        byte[] bytes = f.get(name);
        ByteBuffer prefix = ByteBuffer.wrap(bytes, 0, 8)
                .order(ByteOrder.LITTLE_ENDIAN);
        long before = prefix.getLong(0);
        long value = switch (r.nextInt(6)) {
            case 0 -> r.nextLong();
            case 1 -> before + r.nextInt(33) - 16;
            case 2 -> pick(r, 0L, 1L, 7L, -1L, Long.MAX_VALUE,
                    Long.MIN_VALUE, (long) Integer.MAX_VALUE,
                    Integer.MAX_VALUE + 1L, 100L << 20, (100L << 20) + 1);
            case 3 -> bytes.length - 8 - r.nextInt(3);
            case 4 -> before ^ (1L << r.nextInt(64));
            default -> before * pick(r, 2L, 256L, 65_536L);
        };
        prefix.putLong(0, value);
        return name + ": header length " + before + " set to "
                + Long.toUnsignedString(value);
    }

    private static String tensorsCutOrExtended(Folder f, Random r,
            Sources s) {
        String name = pick(r, s.tensorFiles());
        byte[] bytes = f.get(name);
        if (r.nextBoolean()) {
            int length = r.nextInt(bytes.length);
            f.put(name, Arrays.copyOf(bytes, length));
            return name + " cut to " + length + " of " + bytes.length
                    + " bytes";
        }
        int more = pick(r, 1, 7, 8, 16, 64, 1000);
        f.put(name, Edits.concat(bytes, r.nextBoolean()
                ? Edits.randomBytes(r, more) : new byte[more]));
        return name + " extended by " + more + " bytes";
    }

    private static String tensorsEntryEdit(Folder f, Random r, Sources s) {
        String name = pick(r, s.tensorFiles());
        Tensors t = Tensors.of(f.get(name));
        String tensor = pick(r, t.names());
        ObjectNode entry = (ObjectNode) t.header().get(tensor);
        ArrayNode shape = (ArrayNode) entry.get("shape");
        ArrayNode offsets = (ArrayNode) entry.get("data_offsets");
        long rows = shape.get(0).asLong();
        long cols = shape.get(1).asLong();
        long begin = offsets.get(0).asLong();
        long end = offsets.get(1).asLong();
        String field = pick(r, "dtype", "shape", "data_offsets");
        String raw = switch (field) {
            case "dtype" -> pick(r, "\"F32\"", "\"F16\"", "\"I64\"",
                    "\"BF16\"", "\"f64\"", "\"\"", "64", "null", "[\"F64\"]");
            case "shape" -> pick(r, "[]", "[" + rows + "]", "[" + cols + ", "
                    + rows + "]", "[" + rows + ", " + cols + ", 1]",
                    "[" + (rows + 1) + ", " + cols + "]", "[-1, " + cols
                    + "]", "[" + rows + ".5, " + cols + "]", "[\"" + rows
                    + "\", " + cols + "]", "[2147483648, 1]",
                    "[9007199254740993, 1]", "[65536, 65536]", "[0, "
                    + cols + "]", "{}", "null");
            default -> pick(r, "[" + end + ", " + begin + "]", "[" + begin
                    + ", " + (end + 8) + "]", "[" + (begin + 8) + ", "
                    + (end + 8) + "]", "[" + (begin - 8) + ", " + (end - 8)
                    + "]", "[0, 0]", "[" + begin + "]", "[" + begin + ", "
                    + end + ", " + end + "]", "[" + begin + ", 1e300]",
                    "[" + begin + ", 18446744073709551616]", "[\"0\", 8]");
        };
        byte[] json = Edits.withRawValue(t.header(), new Field(entry, field),
                raw);
        f.put(name, Tensors.file(Edits.compact(Edits.tree(json)), t.data(),
                r.nextBoolean()));
        return name + ": tensor '" + tensor + "' " + field + " set to " + raw;
    }

    private static String tensorsNames(Folder f, Random r, Sources s) {
        String name = pick(r, s.tensorFiles());
        Tensors t = Tensors.of(f.get(name));
        List<String> names = t.names();
        String a = pick(r, names);
        String b = pick(r, names);
        ObjectNode header = t.header();
        String did;
        switch (r.nextInt(4)) {
            case 0 -> {
                JsonNode entry = header.remove(a);
                header.set(pick(r, a + "x", "", a.toUpperCase(Locale.ROOT),
                        "x", SafeTensors.METADATA + "x"), entry);
                did = "tensor '" + a + "' renamed";
            }
            case 1 -> {
                header.remove(a);
                did = "tensor '" + a + "' left out of the header";
            }
            case 2 -> {
                JsonNode ea = header.get(a);
                header.set(a, header.get(b));
                header.set(b, ea);
                did = "the entries of '" + a + "' and '" + b + "' swapped";
            }
            default -> {
                header.set("extra", header.get(a).deepCopy());
                did = "a tensor 'extra' with the entry of '" + a + "'";
            }
        }
        f.put(name, t.bytes(true));
        return name + ": " + did;
    }

    private static String tensorsMetadata(Folder f, Random r, Sources s) {
        String name = pick(r, s.tensorFiles());
        Tensors t = Tensors.of(f.get(name));
        ObjectNode meta = (ObjectNode) t.header().get(SafeTensors.METADATA);
        List<String> keys = new ArrayList<>();
        meta.fieldNames().forEachRemaining(keys::add);
        String key = pick(r, keys);
        String did;
        switch (r.nextInt(4)) {
            case 0 -> {
                meta.remove(key);
                did = "metadata '" + key + "' removed";
            }
            case 1 -> {
                String value = pick(r, "0", "1", "3", "4", "16", "2 ", "",
                        "true", "pre", "0.00", "0.1", "reverse", "numbers",
                        meta.get(key).asText() + "0");
                meta.put(key, value);
                did = "metadata '" + key + "' set to \"" + value + "\"";
            }
            case 2 -> {
                meta.put(pick(r, "extra", "format", "Step"), "1");
                did = "a metadata key added";
            }
            default -> {
                meta.put(key, 2);
                did = "metadata '" + key + "' set to the number 2";
            }
        }
        f.put(name, t.bytes(true));
        return name + ": " + did;
    }

    private static String tensorsNonFinite(Folder f, Random r, Sources s) {
        String name = pick(r, s.tensorFiles());
        byte[] bytes = f.get(name);
        int start = Tensors.dataStart(bytes);
        int count = (bytes.length - start) / 8;
        boolean every = r.nextInt(5) == 0;
        double value = pick(r, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.longBitsToDouble(
                0x7ff0000000000001L));  // a signalling NaN
        ByteBuffer data = ByteBuffer.wrap(bytes).order(
                ByteOrder.LITTLE_ENDIAN);
        int at = r.nextInt(count);
        for (int i = every ? 0 : at; i < (every ? count : at + 1); i++) {
            data.putDouble(start + 8 * i, value);
        }
        return name + ": " + (every ? "every number" : "number " + at)
                + " set to " + value;
    }

    private static String tensorsOtherValue(Folder f, Random r, Sources s) {
        String name = pick(r, s.tensorFiles());
        byte[] bytes = f.get(name);
        int start = Tensors.dataStart(bytes);
        int at = r.nextInt((bytes.length - start) / 8);
        ByteBuffer data = ByteBuffer.wrap(bytes).order(
                ByteOrder.LITTLE_ENDIAN);
        double before = data.getDouble(start + 8 * at);
        double after = pick(r, Math.nextUp(before), -before, 0.0, -0.0,
                before * 2, 1e300, Double.MIN_VALUE, Double.MAX_VALUE);
        data.putDouble(start + 8 * at, after);
        return name + ": number " + at + " changed from " + before + " to "
                + after;
    }

    // --- the vocabularies ---

    private static String vocabularyBytes(Folder f, Random r, Sources s) {
        String name = pick(r, Checkpoint.SOURCE_VOCABULARY,
                Checkpoint.TARGET_VOCABULARY);
        byte[] bytes = f.get(name);
        switch (r.nextInt(3)) {
            case 0 -> {
                return name + ": " + Edits.flipBit(bytes, 0, bytes.length,
                        r);
            }
            case 1 -> {
                return name + ": " + Edits.setByte(bytes, 0, bytes.length,
                        r);
            }
            default -> {
                int length = r.nextInt(bytes.length);
                f.put(name, Arrays.copyOf(bytes, length));
                return name + " cut to " + length + " bytes";
            }
        }
    }

    private static String vocabularyTokens(Folder f, Random r, Sources s) {
        String name = pick(r, Checkpoint.SOURCE_VOCABULARY,
                Checkpoint.TARGET_VOCABULARY);
        ObjectNode root = (ObjectNode) Edits.tree(f.get(name));
        ArrayNode tokens = (ArrayNode) root.get("tokens");
        int i = r.nextInt(tokens.size());
        int j = r.nextInt(tokens.size());
        String did;
        switch (r.nextInt(7)) {
            case 0 -> {
                JsonNode a = tokens.get(i);
                tokens.set(i, tokens.get(j));
                tokens.set(j, a);
                did = "tokens " + i + " and " + j + " swapped";
            }
            case 1 -> {
                tokens.remove(i);
                did = "token " + i + " removed";
            }
            case 2 -> {
                tokens.add(pick(r, "z", "zz", "a", "<pad>", "", "a b"));
                did = "a token added";
            }
            case 3 -> {
                tokens.set(i, Edits.JSON.getNodeFactory().textNode(pick(r,
                        "", " ", "x", "a\tb", "é", "\u0000")));
                did = "token " + i + " replaced";
            }
            case 4 -> {
                tokens.set(i, Edits.JSON.getNodeFactory().numberNode(i));
                did = "token " + i + " replaced by a number";
            }
            case 5 -> {
                root.put(pick(r, "format", "version"), pick(r, "x", "2"));
                did = "format or version changed";
            }
            default -> {
                f.put(name, Edits.compact(Edits.tree(f.get(
                        other(name)))));
                return name + " replaced by the other side's vocabulary";
            }
        }
        f.put(name, Edits.pretty(root));
        return name + ": " + did;
    }

    private static String other(String vocabulary) {
        return vocabulary.equals(Checkpoint.SOURCE_VOCABULARY)
                ? Checkpoint.TARGET_VOCABULARY : Checkpoint.SOURCE_VOCABULARY;
    }

    // --- the folder ---

    private static String fileMissing(Folder f, Random r, Sources s) {
        if (r.nextInt(10) == 0) {
            s.allFiles().forEach(f::remove);
            return "every file deleted";
        }
        String name = pick(r, s.allFiles());
        f.remove(name);
        return name + " deleted";
    }

    private static String fileEmptyOrGarbage(Folder f, Random r, Sources s) {
        String name = pick(r, s.allFiles());
        int length = pick(r, 0, 1, 7, 8, 9, 100, 5000, 70_000);
        byte[] bytes = r.nextBoolean() ? Edits.randomBytes(r, length)
                : new byte[length];
        f.put(name, bytes);
        return name + " replaced by " + length + " " + (bytes.length > 0
                && bytes[0] != 0 ? "random bytes" : "bytes");
    }

    private static String fileOfAnotherKind(Folder f, Random r, Sources s) {
        String name = pick(r, s.allFiles());
        Folder.Special special = pick(r, new Folder.Directory(),
                new Folder.Link("/dev/zero"), new Folder.Link("/dev/null"),
                new Folder.Link("/dev/urandom"), new Folder.Link("missing"),
                new Folder.Link(name), new Folder.Pipe(),
                new Folder.Link("/proc/self/mem"), new Folder.Link("/"));
        f.put(name, special);
        return name + " replaced by " + special;
    }

    private static String fileOfAnotherRun(Folder f, Random r, Sources s) {
        String name = pick(r, s.allFiles());
        switch (r.nextInt(5)) {
            case 0 -> {
                f.put(name, s.otherSeed().get(name).clone());
                return name + " taken from a run of another seed";
            }
            case 1 -> {
                f.put(name, s.otherHeads().get(name).clone());
                return name + " taken from a run with 4 heads, not 2";
            }
            case 2 -> {
                String earlier = name.replace("000002", "000001");
                byte[] bytes = s.earlierStep().get(earlier);
                f.put(name, bytes.clone());
                return name + " replaced by " + earlier + " of step 1";
            }
            case 3 -> {
                byte[] model = f.get(s.model());
                f.put(s.model(), f.get(s.optimizer()));
                f.put(s.optimizer(), model);
                return "the weights' and the optimizer's files swapped";
            }
            default -> {
                byte[] source = f.get(Checkpoint.SOURCE_VOCABULARY);
                f.put(Checkpoint.SOURCE_VOCABULARY,
                        f.get(Checkpoint.TARGET_VOCABULARY));
                f.put(Checkpoint.TARGET_VOCABULARY, source);
                return "the two vocabularies swapped";
            }
        }
    }

    /** Files that do not belong: they must change nothing. */
    private static String folderExtras(Folder f, Random r, Sources s) {
        List<String> added = new ArrayList<>();
        int count = 1 + r.nextInt(3);
        for (int i = 0; i < count; i++) {
            switch (r.nextInt(4)) {
                case 0 -> s.earlierStep().files.forEach((name, bytes) -> {
                    if (!f.files.containsKey(name)) {
                        f.put(name, bytes.clone());
                        added.add(name);
                    }
                });
                case 1 -> {
                    String temporary = ".run.json.4242." + r.nextInt(1000)
                            + ".tmp";
                    f.put(temporary, Edits.randomBytes(r, 20));
                    added.add(temporary);
                }
                case 2 -> {
                    f.put("notes.txt", "a note".getBytes(
                            StandardCharsets.UTF_8));
                    added.add("notes.txt");
                }
                default -> {
                    f.put("run.json.bak", Edits.randomBytes(r, 30));
                    added.add("run.json.bak");
                }
            }
        }
        return "files added: " + added;
    }

    private static String twoAtOnce(Folder f, Random r, Sources s) {
        List<Damage> kinds = new ArrayList<>(List.of(values()));
        kinds.remove(TWO_AT_ONCE);
        Damage first = pick(r, kinds);
        Damage second = pick(r, kinds);
        String a = first.apply(f, r, s);
        String b;
        try {
            b = second.apply(f, r, s);
        } catch (RuntimeException e) {  // the first left nothing to edit
            b = "(" + second + " had nothing left to damage)";
        }
        return a + "; then " + b;
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
