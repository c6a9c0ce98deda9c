package org.scratchformer.translation.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskTest {

    static Set<List<String>> sources(List<Pair> pairs) {
        return pairs.stream().map(Pair::source).collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"numbers", "numbers-by-digits", "copy",
        "reverse"})
    void theSplitsAreDisjointBySource(String name) {
        Task task = Task.named(name);
        int testSize = task.size(Split.TEST);
        int validSize = task.size(Split.VALID);
        Set<List<String>> test = sources(task.pairs(Split.TEST, testSize, 0));
        Set<List<String>> valid = sources(task.pairs(Split.VALID, validSize,
                0));
        Set<List<String>> train = sources(task.pairs(Split.TRAIN, 20_000,
                7));
        assertTrue(testSize >= 1000 && validSize >= 1000, testSize + ", "
                + validSize);
        assertEquals(testSize, test.size(), "test: distinct sources");
        assertEquals(validSize, valid.size(), "valid: distinct sources");
        Set<List<String>> overlap = new HashSet<>(test);
        overlap.retainAll(valid);
        assertEquals(Set.of(), overlap, "test and valid");
        overlap = new HashSet<>(train);
        overlap.retainAll(test);
        assertEquals(Set.of(), overlap, "train and test");
        overlap = new HashSet<>(train);
        overlap.retainAll(valid);
        assertEquals(Set.of(), overlap, "train and valid");
    }

    @Test
    void theTestSplitIsFixedWhateverTheSeed() {
        List<Pair> a = new NumbersTask().pairs(Split.TEST, 1000, 1);
        List<Pair> b = new NumbersTask().pairs(Split.TEST, 1000, 99);
        assertEquals(a, b);
        assertEquals(new NumbersTask().pairs(Split.VALID, 1000, 1),
                new NumbersTask().pairs(Split.VALID, 1000, 2));
        assertEquals(a.subList(0, 10),
                new NumbersTask().pairs(Split.TEST, 10, 5));
    }

    @Test
    void trainingIsDeterministicFromTheSeed() {
        List<Pair> a = new NumbersTask().pairs(Split.TRAIN, 500, 42);
        assertEquals(a, new NumbersTask().pairs(Split.TRAIN, 500, 42));
        assertNotEquals(a, new NumbersTask().pairs(Split.TRAIN, 500, 43));
    }

    @Test
    void theEndlessTrainingSplitStartsWithItsPairs() {
        Task task = new NumbersTask();
        Iterator<Pair> training = task.training(42);
        for (Pair pair : task.pairs(Split.TRAIN, 300, 42)) {
            assertEquals(pair, training.next());
        }
    }

    @Test
    void theTestSplitIsPinned() {
        // a change of the kinds, the hash or the picking changes these
        List<Pair> test = new NumbersTask().pairs(Split.TEST, 3, 0);
        assertEquals(List.of("seven hundred thousand nine hundred ninety two",
                "six hundred eighty four thousand one hundred eighty",
                "six hundred fifty five thousand seven hundred fifty"),
                List.of(test.get(0).sourceText(), test.get(1).sourceText(),
                        test.get(2).sourceText()));
    }

    @Test
    void copyAndReverse() {
        for (Pair pair : Task.named("copy").pairs(Split.TRAIN, 50, 1)) {
            assertEquals(pair.source(), pair.target());
            assertTrue(pair.source().size() >= 1
                    && pair.source().size() <= SymbolTask.MAX_LENGTH);
        }
        Pair pair = Task.named("reverse").pairs(Split.TEST, 1, 0).get(0);
        List<String> reversed = new ArrayList<>(pair.source());
        Collections.reverse(reversed);
        assertEquals(reversed, pair.target());
        assertTrue(pair.source().size() >= SymbolTask.SMALLEST_HELD_OUT);
    }

    @Test
    void theSymbolTasksAreNamedAndShareTheirTenSymbols() {
        for (String name : List.of("copy", "reverse")) {
            Task task = Task.named(name);
            assertEquals(name, task.name());
            List<String> tokens = new ArrayList<>(List.of("<pad>", "<s>",
                    "</s>"));
            tokens.addAll(SymbolTask.SYMBOLS);
            assertEquals(tokens, task.sourceVocabulary().tokens(), name);
            assertEquals(tokens, task.targetVocabulary().tokens(), name);
        }
        Pair pair = new Pair(List.of("a", "b"), List.of("b", "a"));
        assertEquals("b a", pair.targetText());
        assertEquals("a b → b a", pair.toString());
    }

    @Test
    void zeroExamplesMayBeAskedForAndTrainingNeverEnds() {
        Task task = Task.named("copy");
        for (Split split : Split.values()) {
            assertEquals(List.of(), task.pairs(split, 0, 1), split.label());
            assertEquals(split, Split.of(split.label()));
        }
        Iterator<Pair> training = task.training(1);
        for (int i = 0; i < 3; i++) {
            assertTrue(training.hasNext());
            training.next();
        }
    }

    @Test
    void badNamesCountsAndSplitsAreOneSentence() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Task.named("numbrs"));
        assertEquals("unknown task 'numbrs'; the tasks are numbers,"
                + " numbers-by-digits, copy, reverse", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Task.named("copy").pairs(Split.TEST, 1001, 0));
        assertEquals("the test split of the copy task has 1000 examples;"
                + " asked for 1001", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Task.named("copy").size(Split.TRAIN));
        assertEquals("the training split is drawn without end: it has no"
                + " size", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new NumbersTask().pairs(Split.TRAIN, -1, 0));
        assertEquals("the count of examples must be at least 0, got -1",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Split.of("tests"));
        assertEquals("unknown split 'tests'; the splits are train, valid,"
                + " test", e.getMessage());
    }

    @Test
    void theVocabulariesHoldEveryWordOfTheTask() {
        Task task = new NumbersTask();
        Vocabulary source = task.sourceVocabulary();
        Vocabulary target = task.targetVocabulary();
        assertEquals(3 + 30, source.size());
        for (Pair pair : task.pairs(Split.TRAIN, 2000, 0)) {
            source.encode(pair.source());
            target.encode(pair.target());
        }
        assertEquals(source, new NumbersTask().sourceVocabulary());
        assertEquals("zéro", target.token(3));
    }
}
