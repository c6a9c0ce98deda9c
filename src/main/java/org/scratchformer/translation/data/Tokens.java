package org.scratchformer.translation.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Text to tokens and back. A token is a word or a hyphen: the French
 * {@code quatre-vingt-un} is the five tokens {@code quatre - vingt - un},
 * so the model has to learn where hyphens go, and {@link #join} puts them
 * back between the words for display.
 */
public final class Tokens {
    /** The hyphen token. */
    public static final String HYPHEN = "-";

    private Tokens() {
    }

    // tag::split-join[]
    /** Splits on spaces and around hyphens: "vingt-deux" → vingt - deux. */
    public static List<String> split(String text) {
        List<String> tokens = new ArrayList<>();
        for (String word : text.trim().split("\\s+")) {
            int start = 0;
            for (int i = 0; i < word.length(); i++) {
                if (word.charAt(i) == '-') {
                    addIfNotEmpty(tokens, word.substring(start, i));
                    tokens.add(HYPHEN);
                    start = i + 1;
                }
            }
            addIfNotEmpty(tokens, word.substring(start));
        }
        return tokens;
    }

    /** Joins with spaces, except around hyphens: "vingt-deux". */
    public static String join(List<String> tokens) {
        StringBuilder text = new StringBuilder();
        boolean glue = true;  // no space before the first token
        for (String token : tokens) {
            boolean hyphen = token.equals(HYPHEN);
            if (!glue && !hyphen) {
                text.append(' ');
            }
            text.append(token);
            glue = hyphen;
        }
        return text.toString();
    }
    // end::split-join[]

    private static void addIfNotEmpty(List<String> tokens, String word) {
        if (!word.isEmpty()) {
            tokens.add(word);
        }
    }
}
