package org.scratchformer.translation.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A translation task: how to draw examples, and the words each side uses.
 *
 * <p>The splits are disjoint by source sentence (for numbers: by number).
 * The validation and test splits are fixed, each task saying how they are
 * chosen, so every training run is measured on the same examples whatever
 * its seed. The training split is drawn from the training seed, with
 * repetition, and a source that is held out is drawn again: no held-out
 * example is ever trained on.
 */
public abstract class Task {
    /** The test split's seed: fixed, whatever the training seed. */
    protected static final long TEST_SEED = 1_000_003L;
    /** The validation split's seed: fixed too. */
    protected static final long VALID_SEED = 2_000_003L;

    private List<Pair> test;
    private List<Pair> valid;
    private Set<List<String>> heldOutSources;

    /**
     * The task's name: {@code numbers}, {@code numbers-by-digits},
     * {@code copy}, {@code reverse}.
     */
    public abstract String name();

    /** Every source word, in a fixed order (the vocabulary's order). */
    public abstract List<String> sourceWords();

    /** Every target token, in a fixed order (the vocabulary's order). */
    public abstract List<String> targetWords();

    /**
     * Draws one training example. It may be a held-out one: the training
     * split draws again when it is.
     */
    protected abstract Pair sample(Random random);

    /**
     * The fixed examples of a held-out split, {@link Split#TEST} or
     * {@link Split#VALID}, with distinct sources, in their order. The
     * validation split is chosen after the test split and may hold none of
     * its sources, {@code taken}.
     */
    protected abstract List<Pair> heldOut(Split split,
            Set<List<String>> taken);

    /**
     * The kinds of example this task is judged by, each a name and a test
     * of the source sentence; none by default.
     */
    public List<Kind> kinds() {
        return List.of();
    }

    /**
     * A source as tables of results write it: its words, by default; a
     * number's digits for the numbers task.
     */
    public String describe(List<String> source) {
        return Tokens.join(source);
    }

    /** A kind of example: its name, and which sources are of the kind. */
    public record Kind(String name, Predicate<List<String>> source) {
    }

    /** The task of a name; an unknown name is an error listing them. */
    public static Task named(String name) {
        switch (name) {
            case "numbers":
                return new NumbersTask();
            case NumbersTask.BY_DIGITS:
                return new NumbersTask(NumbersTask.Draw.BY_DIGITS);
            case "copy":
                return new SymbolTask(false);
            case "reverse":
                return new SymbolTask(true);
            default:
                throw new IllegalArgumentException("unknown task '" + name
                        + "'; the tasks are numbers, " + NumbersTask.BY_DIGITS
                        + ", copy, reverse");
        }
    }

    /** The source vocabulary: the special tokens, then sourceWords(). */
    public final Vocabulary sourceVocabulary() {
        return Vocabulary.of(sourceWords());
    }

    /** The target vocabulary: the special tokens, then targetWords(). */
    public final Vocabulary targetVocabulary() {
        return Vocabulary.of(targetWords());
    }

    // tag::splits[]
    /**
     * The first {@code count} examples of a split. The held-out splits
     * ignore the seed and hold {@link #size} examples.
     */
    public final List<Pair> pairs(Split split, int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("the count of examples must"
                    + " be at least 0, got " + count);
        }
        if (split == Split.TRAIN) {
            return training(count, seed);
        }
        List<Pair> heldOut = split == Split.TEST ? test() : valid();
        if (count > heldOut.size()) {
            throw new IllegalArgumentException("the " + split.label()
                    + " split of the " + name() + " task has "
                    + heldOut.size() + " examples; asked for " + count);
        }
        return heldOut.subList(0, count);
    }
    // end::splits[]

    // tag::training[]
    /**
     * The training split as an endless sequence: its first n examples are
     * {@code pairs(Split.TRAIN, n, seed)}.
     */
    public final Iterator<Pair> training(long seed) {
        Random random = new Random(seed);
        Set<List<String>> heldOut = heldOutSources();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Pair next() {
                Pair pair;
                do {
                    pair = sample(random);
                } while (heldOut.contains(pair.source()));  // never these
                return pair;
            }
        };
    }
    // end::training[]

    private List<Pair> training(int count, long seed) {
        Iterator<Pair> training = training(seed);
        List<Pair> pairs = new ArrayList<>(count);
        while (pairs.size() < count) {
            pairs.add(training.next());
        }
        return pairs;
    }

    /** How many examples a held-out split holds. */
    public final int size(Split split) {
        if (split == Split.TRAIN) {
            throw new IllegalArgumentException("the training split is"
                    + " drawn without end: it has no size");
        }
        return (split == Split.TEST ? test() : valid()).size();
    }

    private List<Pair> test() {
        if (test == null) {
            test = List.copyOf(heldOut(Split.TEST, Set.of()));
        }
        return test;
    }

    private List<Pair> valid() {
        if (valid == null) {
            valid = List.copyOf(heldOut(Split.VALID,
                    Collections.unmodifiableSet(sources(test()))));
        }
        return valid;
    }

    private Set<List<String>> heldOutSources() {
        if (heldOutSources == null) {
            Set<List<String>> sources = sources(test());
            sources.addAll(sources(valid()));
            heldOutSources = sources;
        }
        return heldOutSources;
    }

    private static Set<List<String>> sources(List<Pair> pairs) {
        Set<List<String>> sources = new HashSet<>();
        pairs.forEach(p -> sources.add(p.source()));
        return sources;
    }

    /**
     * {@code size} examples of {@code draw} from {@code seed}, with
     * distinct sources, none of {@code taken}.
     */
    protected static List<Pair> drawDistinct(long seed, int size,
            Set<List<String>> taken, Function<Random, Pair> draw) {
        Random random = new Random(seed);
        Set<List<String>> seen = new HashSet<>(taken);
        List<Pair> pairs = new ArrayList<>();
        while (pairs.size() < size) {
            Pair pair = draw.apply(random);
            if (seen.add(pair.source())) {
                pairs.add(pair);
            }
        }
        return pairs;
    }
}
