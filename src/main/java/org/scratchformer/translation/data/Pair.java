package org.scratchformer.translation.data;

import java.util.List;

/**
 * One example of a task: the source tokens and the target tokens, without
 * {@code <s>} or {@code </s>} (batching adds those).
 */
public record Pair(List<String> source, List<String> target) {
    public Pair {
        source = List.copyOf(source);
        target = List.copyOf(target);
    }

    /** The source as text: words joined with spaces, hyphens joined. */
    public String sourceText() {
        return Tokens.join(source);
    }

    /** The target as text: words joined with spaces, hyphens joined. */
    public String targetText() {
        return Tokens.join(target);
    }

    @Override
    public String toString() {
        return sourceText() + " → " + targetText();
    }
}
