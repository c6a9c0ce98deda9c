package org.scratchformer.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of kinds that {@code eval --csv} wrote: the measured runs of
 * {@code src/test/resources/kinds/}, read back for the book's figures.
 */
record KindsCsv(List<String> about, List<Row> rows) {
    /** The folder of the committed tables. */
    static final Path DIR = Path.of("src", "test", "resources", "kinds");

    /** One kind: its name, count, right ones and first wrong one. */
    record Row(String kind, int count, int correct, String firstWrong) {
        /** The share wrong, in percent. */
        double percentWrong() {
            return count == 0 ? 0 : 100.0 * (count - correct) / count;
        }
    }

    /** The table in {@code DIR/NAME.csv}. */
    static KindsCsv read(String name) {
        try {
            return parse(Files.readAllLines(DIR.resolve(name + ".csv"),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KindsCsv parse(List<String> lines) {
        List<String> about = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("# ")) {
                about.add(line.substring(2));
            } else if (!line.equals("kind,count,correct,first_wrong")) {
                List<String> f = fields(line);
                rows.add(new Row(f.get(0), Integer.parseInt(f.get(1)),
                        Integer.parseInt(f.get(2)), f.get(3)));
            }
        }
        return new KindsCsv(about, rows);
    }

    /** The fields of a CSV line, quotes undone. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length()
                    && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** The row of a kind. */
    Row row(String kind) {
        return rows.stream().filter(r -> r.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no kind '"
                        + kind + "' in " + about));
    }
}
