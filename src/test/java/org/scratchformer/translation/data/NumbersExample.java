package org.scratchformer.translation.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
 * ({@code translation-pairs}), what each draw gives each kind of number
 * ({@code translation-draws}), a sentence as tokens and ids
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

    /**
     * The share of each kind among the training pairs of either draw, and
     * how many numbers of the kind each held-out split holds.
     */
    @Test
    void draws() {
        int draws = 100_000;
        List<List<Integer>> training = new ArrayList<>();
        for (NumbersTask.Draw draw : NumbersTask.Draw.values()) {
            List<Integer> numbers = new ArrayList<>();
            for (Pair pair : new NumbersTask(draw).pairs(Split.TRAIN, draws,
                    1)) {
                numbers.add(EnglishNumbers.value(pair.source()));
            }
            training.add(numbers);
        }
        String format = "%-31s %9s %9s %6s %6s%n";
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%-31s %-19s %s%n", "", "training pairs", "held out"));
        text.append(String.format(Locale.ROOT, format, "kind", "by shape",
                "by digits", "test", "valid"));
        for (NumberKind kind : NumberKind.values()) {
            text.append(String.format(Locale.ROOT, format, kind.label(),
                    share(training.get(0), kind), share(training.get(1),
                            kind),
                    NumbersTask.numbers(Split.TEST).stream()
                            .filter(kind::contains).count(),
                    NumbersTask.numbers(Split.VALID).stream()
                            .filter(kind::contains).count()));
        }
        text.append(String.format(Locale.ROOT, format, "all numbers",
                String.format(Locale.ROOT, "%,d", draws),
                String.format(Locale.ROOT, "%,d", draws),
                NumbersTask.numbers(Split.TEST).size(),
                NumbersTask.numbers(Split.VALID).size()));
        String listing = Listings.write("translation-draws",
                text.toString());
        assertTrue(listing.contains("round thousands"), listing);
    }

    static String share(List<Integer> numbers, NumberKind kind) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * numbers.stream()
                .filter(kind::contains).count() / numbers.size());
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
