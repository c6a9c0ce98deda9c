package org.scratchformer.translation.checkpoint;

import static org.scratchformer.translation.checkpoint.Edits.pick;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.scratchformer.translation.checkpoint.Damage.Sources;
import org.scratchformer.translation.checkpoint.Edits.Field;
import org.scratchformer.translation.checkpoint.Edits.Tensors;

/** The damages {@link Damage} does to the safetensors files. */
final class TensorsDamage {
    private TensorsDamage() {
    }

    // --- the safetensors files ---

    static String headerBitFlip(Folder f, Random r,
            Sources s) {
        String name = pick(r, s.tensorFiles());
        byte[] bytes = f.get(name);
        int end = Tensors.dataStart(bytes);
        return name + ": " + (r.nextBoolean()
                ? Edits.flipBit(bytes, 8, end, r)
                : Edits.setByte(bytes, 8, end, r)) + " (header)";
    }

    static String dataBitFlip(Folder f, Random r,
            Sources s) {
        String name = pick(r, s.tensorFiles());
        byte[] bytes = f.get(name);
        return name + ": " + Edits.flipBit(bytes, Tensors.dataStart(bytes),
                bytes.length, r) + " (data)";
    }

    static String lengthPrefix(Folder f, Random r,
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

    static String cutOrExtended(Folder f, Random r,
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

    static String entryEdit(Folder f, Random r, Sources s) {
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

    static String names(Folder f, Random r, Sources s) {
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

    static String metadata(Folder f, Random r, Sources s) {
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

    static String nonFinite(Folder f, Random r, Sources s) {
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

    static String otherValue(Folder f, Random r, Sources s) {
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
}
