package org.scratchformer.translation.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The byte, text and JSON edits the damaged folders are made of, each
 * returning what it did in words, so that a failing case can be read.
 */
final class Edits {
    static final JsonMapper JSON = new JsonMapper();

    private Edits() {
    }

    static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    @SafeVarargs
    static <T> T pick(Random random, T... from) {
        return from[random.nextInt(from.length)];
    }

    // --- bytes ---

    /** Flips one bit; returns the description. */
    static String flipBit(byte[] bytes, int from, int to, Random random) {
        int at = from + random.nextInt(Math.max(1, to - from));
        int bit = random.nextInt(8);
        byte before = bytes[at];
        bytes[at] ^= (byte) (1 << bit);
        return String.format(Locale.ROOT, "bit %d of byte %d flipped"
                + " (0x%02x to 0x%02x)", bit, at, before & 0xff,
                bytes[at] & 0xff);
    }

    /** Sets one byte to a value likely to matter in JSON or numbers. */
    static String setByte(byte[] bytes, int from, int to, Random random) {
        int at = from + random.nextInt(Math.max(1, to - from));
        int[] likely = {'"', '{', '}', '[', ']', ',', ':', '0', '9', '-',
            '.', 'e', ' ', '\n', '\\', 0, 0xff, 0x7f, 0xc3};
        byte value = (byte) (random.nextBoolean() ? random.nextInt(256)
                : likely[random.nextInt(likely.length)]);
        byte before = bytes[at];
        bytes[at] = value;
        return String.format(Locale.ROOT, "byte %d set from 0x%02x to"
                + " 0x%02x", at, before & 0xff, value & 0xff);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] randomBytes(Random random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Deletes, inserts or repeats a stretch of bytes. */
    static String splice(byte[][] file, Random random) {
        byte[] bytes = file[0];
        int at = random.nextInt(bytes.length + 1);
        int length = 1 + random.nextInt(Math.min(64, bytes.length));
        switch (random.nextInt(3)) {
            case 0 -> {
                int end = Math.min(bytes.length, at + length);
                file[0] = concat(Arrays.copyOfRange(bytes, 0, at),
                        Arrays.copyOfRange(bytes, end, bytes.length));
                return "bytes " + at + " to " + end + " deleted";
            }
            case 1 -> {
                file[0] = concat(Arrays.copyOfRange(bytes, 0, at),
                        randomBytes(random, length),
                        Arrays.copyOfRange(bytes, at, bytes.length));
                return length + " random bytes inserted at " + at;
            }
            default -> {
                int start = Math.max(0, at - length);
                file[0] = concat(Arrays.copyOfRange(bytes, 0, at),
                        Arrays.copyOfRange(bytes, start, at),
                        Arrays.copyOfRange(bytes, at, bytes.length));
                return "bytes " + start + " to " + at + " repeated";
            }
        }
    }

    // --- JSON ---

    static JsonNode tree(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] compact(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Every field of an object tree, as paths to its objects and keys. */
    record Field(ObjectNode parent, String key) {
    }

    static List<Field> leaves(JsonNode root) {
        List<Field> fields = new ArrayList<>();
        collect(root, fields, true);
        return fields;
    }

    /** Every field, the objects' own fields included (not only leaves). */
    static List<Field> fields(JsonNode root) {
        List<Field> fields = new ArrayList<>();
        collect(root, fields, false);
        return fields;
    }

    private static void collect(JsonNode node, List<Field> fields,
            boolean leavesOnly) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields();
                it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!leavesOnly || !e.getValue().isObject()) {
                fields.add(new Field(object, e.getKey()));
            }
            collect(e.getValue(), fields, leavesOnly);
        }
    }

    /**
     * The JSON text of {@code root} with {@code field}'s value replaced by
     * raw text: values JSON itself cannot hold (NaN, a key twice, nesting
     * thousands deep) can be written too.
     */
    static byte[] withRawValue(JsonNode root, Field field, String raw) {
        String marker = "@@value-" + System.identityHashCode(field) + "@@";
        JsonNode before = field.parent().get(field.key());
        field.parent().put(field.key(), marker);
        String text = new String(pretty(root), StandardCharsets.UTF_8);
        field.parent().set(field.key(), before);
        return text.replace("\"" + marker + "\"", raw)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Values that a field of some type should refuse, or might accept. */
    private static final List<String> VALUES = List.of("\"\"", "\"x\"",
            "null", "true", "false", "[]", "{}", "[1, 2]", "{\"a\": 1}",
            "0", "-1", "1", "2", "3", "7", "0.5", "-0.0", "1.0", "1e0",
            "64.5", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "1e308", "1e309", "-1e309", "NaN",
            "Infinity", "0x10", "01", "+1", "1.", ".5", "8e-1",
            "99999999999999999999999999999999999999",
            "\"" + "x".repeat(100_000) + "\"",
            "[".repeat(5000) + "]".repeat(5000),
            "\"model-000002.safetensors\"", "\"../run.json\"",
            "\"\\u0000\"", "\"post\"", "\"pre\"", "\"POST\"",
            "\"copy\"", "\"reverse\"", "\"numbers\"");

    static String rawValue(Random random, JsonNode original) {
        List<String> values = new ArrayList<>(VALUES);
        values.add("\"" + original.asText() + "\"");
        if (original.isNumber()) {
            long n = original.asLong();
            values.addAll(List.of(String.valueOf(n + 1),
                    String.valueOf(n - 1), String.valueOf(n * 2),
                    String.valueOf(n * 1000), original.asText() + ".0",
                    "\"" + original.asText() + "\""));
        }
        return pick(random, values);
    }

    // --- safetensors ---

    /** A safetensors file's parts: its header JSON and its data bytes. */
    record Tensors(ObjectNode header, byte[] data) {
        static Tensors of(byte[] file) {
            long n = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN)
                    .getLong();
            ObjectNode header = (ObjectNode) tree(Arrays.copyOfRange(file, 8,
                    8 + (int) n));
            return new Tensors(header, Arrays.copyOfRange(file, 8 + (int) n,
                    file.length));
        }

        /** The file again: length, header (padded to 8 or not), data. */
        byte[] bytes(boolean pad) {
            return file(compact(header), data, pad);
        }

        static byte[] file(byte[] json, byte[] data, boolean pad) {
            int length = pad ? (json.length + 7) / 8 * 8 : json.length;
            byte[] header = Arrays.copyOf(json, length);
            Arrays.fill(header, json.length, length, (byte) ' ');
            return concat(ByteBuffer.allocate(8).order(
                    ByteOrder.LITTLE_ENDIAN).putLong(length).array(), header,
                    data);
        }

        /** The tensors' names, in header order, without the metadata. */
        List<String> names() {
            List<String> names = new ArrayList<>();
            header.fieldNames().forEachRemaining(names::add);
            names.remove(SafeTensors.METADATA);
            return names;
        }

        /** Where the data starts in the file. */
        static int dataStart(byte[] file) {
            return 8 + (int) ByteBuffer.wrap(file, 0, 8)
                    .order(ByteOrder.LITTLE_ENDIAN).getLong();
        }
    }
}
