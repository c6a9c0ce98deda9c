package org.scratchformer.translation.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The fields of one JSON object of an untrusted file, each read with its
 * type and range: exactly the named fields, none missing, none unknown. A
 * fault is a {@link BadFileException} that names the file, the field by its
 * path ({@code model.d_model}), the value found and what is allowed.
 */
final class JsonFields {
    /** A value longer than this is shown cut, with "...". */
    private static final int SHOWN = 60;

    private final Path file;
    private final String path;  // "" for the top object, else "model."
    private final JsonNode node;

    private JsonFields(Path file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** The top object of a file, which must have exactly {@code names}. */
    static JsonFields of(Path file, JsonNode root, List<String> names)
            throws BadFileException {
        if (root == null || !root.isObject()) {
            throw new BadFileException(file, file + ": it must hold a JSON"
                    + " object, got " + shown(root));
        }
        return new JsonFields(file, "", root).exactly(names);
    }

    /** The object in field {@code name}, with exactly {@code names}. */
    JsonFields object(String name, List<String> names)
            throws BadFileException {
        JsonNode value = node.get(name);
        if (!value.isObject()) {
            throw fault(name, "an object of the fields "
                    + String.join(", ", names));
        }
        return new JsonFields(file, path + name + ".", value).exactly(names);
    }

    private JsonFields exactly(List<String> names) throws BadFileException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!names.contains(name)) {
                throw new BadFileException(file, file + ": "
                        + (path.isEmpty() ? "the file" : where(""))
                        + " has an unknown field '" + cut(name)
                        + "'; its fields are " + String.join(", ", names));
            }
        }
        for (String name : names) {
            if (!node.has(name)) {
                throw new BadFileException(file, file + ": the field "
                        + where(name) + " is missing");
            }
        }
        return this;
    }

    /** A whole number from {@code min} to {@code max}. */
    int whole(String name, int min, int max) throws BadFileException {
        return (int) whole(name, min, max, "");
    }

    /** A whole number in range; {@code bound} says where max comes from. */
    long whole(String name, long min, long max, String bound)
            throws BadFileException {
        JsonNode value = node.get(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()
                || value.longValue() < min || value.longValue() > max) {
            throw fault(name, String.format(Locale.ROOT, "a whole number"
                    + " from %d to %d%s", min, max, bound));
        }
        return value.longValue();
    }

    /** A finite number that passes {@code allowed}, described by it. */
    double number(String name, java.util.function.DoublePredicate allowed,
            String rule) throws BadFileException {
        JsonNode value = node.get(name);
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())
                || !allowed.test(value.doubleValue())) {
            throw fault(name, rule);
        }
        return value.doubleValue();
    }

    boolean bool(String name) throws BadFileException {
        JsonNode value = node.get(name);
        if (!value.isBoolean()) {
            throw fault(name, "true or false");
        }
        return value.booleanValue();
    }

    /** A string, one of {@code allowed}. */
    String oneOf(String name, List<String> allowed) throws BadFileException {
        String value = text(name);
        if (!allowed.contains(value)) {
            throw fault(name, allowed.size() == 1 ? "\"" + allowed.get(0)
                    + "\"" : "one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** Any string. */
    String text(String name) throws BadFileException {
        JsonNode value = node.get(name);
        if (!value.isTextual()) {
            throw fault(name, "a string");
        }
        return value.textValue();
    }

    /** "runs/x/run.json: model.d_model is "64" (text); it must be ...". */
    BadFileException fault(String name, String rule) {
        return new BadFileException(file, file + ": " + where(name) + " is "
                + shown(node.get(name)) + "; it must be " + rule);
    }

    /** The field's path: model.d_model. */
    String where(String name) {
        String full = path + cut(name);
        return full.endsWith(".") ? full.substring(0, full.length() - 1)
                : full;
    }

    /** A value as found, with its kind when the text would hide it. */
    static String shown(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "empty";
        }
        if (value.isNumber() && !Double.isFinite(value.doubleValue())) {
            return String.valueOf(value.doubleValue());  // 1e309: Infinity
        }
        String text = cut(value.toString());
        return value.isTextual() ? text + " (text)" : value.isContainerNode()
                ? (value.isArray() ? "a list " : "an object ") + text : text;
    }

    /** At most SHOWN characters, control characters escaped: one line. */
    static String cut(String text) {
        StringBuilder shown = new StringBuilder();
        int i = 0;
        for (; i < text.length() && shown.length() < SHOWN; i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028'
                    || c == '\u2029';
            shown.append(control ? String.format(Locale.ROOT, "\\u%04x",
                    (int) c) : String.valueOf(c));
        }
        return i < text.length() ? shown + "..." : shown.toString();
    }
}
