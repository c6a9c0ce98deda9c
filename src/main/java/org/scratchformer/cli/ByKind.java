package org.scratchformer.cli;

import java.util.ArrayList;
import java.util.List;
import org.scratchformer.decoding.Breakdown;
import org.scratchformer.decoding.Evaluation;
import org.scratchformer.translation.data.Task;
import org.scratchformer.translation.data.Tokens;

/** The table of a task's kinds, "all" first, as the commands print it. */
final class ByKind {
    /** The first row's name: every translation evaluated. */
    static final String ALL = "all";

    private ByKind() {
    }

    /** The rows: all, then each of the task's kinds. */
    static Breakdown of(Task task, Evaluation evaluation) {
        List<Task.Kind> kinds = new ArrayList<>();
        kinds.add(new Task.Kind(ALL, source -> true));
        kinds.addAll(task.kinds());
        return Breakdown.of(evaluation.translations(), kinds);
    }

    /**
     * The table, sources written as the task writes them; nothing for a
     * task without kinds.
     */
    static String table(Task task, Evaluation evaluation) {
        return task.kinds().isEmpty() ? ""
                : of(task, evaluation).table(task::describe);
    }

    /**
     * The rows as CSV: {@code kind,count,correct,first_wrong}, the first
     * wrong translation as the table writes it; a field with a comma or a
     * quote in double quotes. {@code about} comes first, as comment lines
     * starting with #.
     */
    static String csv(List<String> about, Task task, Breakdown table) {
        StringBuilder text = new StringBuilder();
        about.forEach(line -> text.append("# ").append(line).append('\n'));
        text.append("kind,count,correct,first_wrong\n");
        for (Breakdown.Row row : table.rows()) {
            String wrong = row.firstWrong() == null ? ""
                    : task.describe(row.firstWrong().source()) + " → "
                            + Tokens.join(row.firstWrong().got());
            text.append(field(row.kind())).append(',').append(row.count())
                    .append(',').append(row.correct()).append(',')
                    .append(field(wrong)).append('\n');
        }
        return text.toString();
    }

    /** A CSV field: as it is, or quoted if it holds a comma or a quote. */
    static String field(String value) {
        return value.contains(",") || value.contains("\"")
                ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
