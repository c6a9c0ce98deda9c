package org.scratchformer.translation.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.scratchformer.book.Listings;
import org.scratchformer.translation.Batch;
import org.scratchformer.translation.Batcher;

/**
 * The listings of chapter 11 about the data: the French rules at work
 * ({@code translation-rules}), a few training pairs
 * ({@code translation-pairs}), how long the examples of each split are
 * ({@code translation-splits}), a sentence as tokens and ids
 * ({@code translation-tokens}) and a batch ({@code translation-batch}).
 */
class NumbersExample {

    static String row(int n) {
        return String.format(Locale.ROOT, "%7s  %-42s %s%n",
                String.format(Locale.ROOT, "%,d", n), EnglishNumbers.text(n),
                FrenchNumbers.text(n));
    }

    @Test
    void theRules() {
        StringBuilder text = new StringBuilder();
        for (int n : new int[] {17, 21, 22, 71, 77, 80, 81, 91, 200, 201,
            1000, 21000, 80000, 200000, 280001}) {
            text.append(row(n));
        }
        String listing = Listings.write("translation-rules",
                text.toString());
        assertTrue(listing.contains("quatre-vingt mille"), listing);
    }

    @Test
    void trainingPairs() {
        // tag::pairs[]
        Task task = Task.named("numbers");
        List<Pair> pairs = task.pairs(Split.TRAIN, 8, 1);   // seed 1
        // end::pairs[]
        StringBuilder text = new StringBuilder();
        for (Pair pair : pairs) {
            text.append(pair.sourceText()).append("\n  → ")
                    .append(pair.targetText()).append('\n');
        }
        Listings.write("translation-pairs", text.toString());
        assertEquals(8, pairs.size());
    }

    /** Share of examples by number of digits, and mean target length. */
    @Test
    void splits() {
        Task task = new NumbersTask();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%-6s %8s %6s %6s %6s %6s %6s %6s  %s%n", "split",
                "examples", "1 dig.", "2", "3", "4", "5", "6",
                "French tokens"));
        for (Split split : Split.values()) {
            List<Pair> pairs = task.pairs(split, 1000, 1);
            int[] byDigits = new int[7];
            double tokens = 0;
            for (Pair pair : pairs) {
                byDigits[digits(pair)]++;
                tokens += pair.target().size();
            }
            text.append(String.format(Locale.ROOT, "%-6s %8d", split.label(),
                    pairs.size()));
            for (int d = 1; d <= 6; d++) {
                text.append(String.format(Locale.ROOT, " %5.1f%%",
                        byDigits[d] / 10.0));
            }
            text.append(String.format(Locale.ROOT, "  %.1f on average%n",
                    tokens / pairs.size()));
        }
        String listing = Listings.write("translation-splits",
                text.toString());
        assertTrue(listing.contains("test"), listing);
    }

    /** Digits of the number an English source spells. */
    static int digits(Pair pair) {
        List<String> units = List.of(EnglishNumbers.UNITS);
        List<String> tens = Arrays.asList(EnglishNumbers.TENS);  // has nulls
        int total = 0;
        int current = 0;
        for (String word : pair.source()) {
            if (word.equals("hundred")) {
                current *= 100;
            } else if (word.equals("thousand")) {
                total += current * 1000;
                current = 0;
            } else if (units.contains(word)) {
                current += units.indexOf(word);
            } else {
                current += 10 * tens.indexOf(word);
            }
        }
        return String.valueOf(total + current).length();
    }

    @Test
    void tokens() {
        // tag::tokens[]
        Vocabulary french = Task.named("numbers").targetVocabulary();
        List<String> tokens = Tokens.split("quatre-vingt-un mille");
        int[] ids = french.encode(tokens);  // the words' ids, no <s>, </s>
        // end::tokens[]
        StringBuilder text = new StringBuilder("text:   quatre-vingt-un"
                + " mille\ntokens:");
        for (String token : tokens) {
            text.append(String.format(Locale.ROOT, " %-7s", token));
        }
        text.append("\nids:   ");
        for (int id : ids) {
            text.append(String.format(Locale.ROOT, " %-7d", id));
        }
        text.append("\njoined: ").append(Tokens.join(french.decode(ids)))
                .append("\n");
        Listings.write("translation-tokens", text.toString()
                .replaceAll(" +\n", "\n"));
        assertEquals("quatre-vingt-un mille", Tokens.join(french.decode(
                ids)));
    }

    @Test
    void batch() {
        Task task = Task.named("numbers");
        // tag::batch[]
        Batcher batcher = Batcher.of(task, 2);
        Batch batch = batcher.batch(List.of(NumbersTask.pair(81),
                NumbersTask.pair(7)));
        // end::batch[]
        Vocabulary en = task.sourceVocabulary();
        Vocabulary fr = task.targetVocabulary();
        StringBuilder text = new StringBuilder();
        text.append(matrix("source (B, S)", batch.source(), en));
        text.append(matrix("decoder input (B, T)", batch.decoderInput(), fr));
        text.append(matrix("target (B, T)", batch.target(), fr));
        text.append("source lengths ").append(Arrays.toString(
                batch.sourceLengths())).append(", target lengths ")
                .append(Arrays.toString(batch.targetLengths()))
                .append("\ntarget ids as GatherRows takes them ")
                .append(batch.targetIds().shape()).append(":\n ");
        for (int i = 0; i < batch.targetIds().cols(); i++) {
            text.append(' ').append((int) batch.targetIds().get(0, i));
        }
        Listings.write("translation-batch", text.append("\n").toString()
                .replaceAll(" +\n", "\n"));
        assertEquals(6, batch.targetLength());
    }

    static String matrix(String title, int[][] ids, Vocabulary vocabulary) {
        StringBuilder text = new StringBuilder(title).append('\n');
        for (int[] row : ids) {
            text.append(' ');
            for (int id : row) {
                text.append(String.format(Locale.ROOT, " %-8s",
                        vocabulary.token(id)));
            }
            text.append("   ");
            for (int id : row) {
                text.append(String.format(Locale.ROOT, " %2d", id));
            }
            text.append('\n');
        }
        return text.toString();
    }
}
