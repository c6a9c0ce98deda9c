package org.scratchformer.translation.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A translation task: how to draw examples, and the words each side uses.
 *
 * <p>The splits are disjoint by source sentence (for numbers: by number).
 * The validation and test splits are fixed: {@value #HELD_OUT_SIZE}
 * distinct examples each, drawn from seeds of their own, so every training
 * run is measured on the same examples whatever its seed. The training
 * split is drawn from the training seed, with repetition, and a source that
 * is held out is drawn again: no held-out example is ever trained on.
 */
public abstract class Task {
    /** The size of the validation split and of the test split. */
    public static final int HELD_OUT_SIZE = 1000;
    /** The test split's seed: fixed, whatever the training seed. */
    static final long TEST_SEED = 1_000_003L;
    /** The validation split's seed: fixed too. */
    static final long VALID_SEED = 2_000_003L;

    private List<Pair> test;
    private List<Pair> valid;
    private Set<List<String>> heldOutSources;

    /** The task's name: {@code numbers}, {@code copy}, {@code reverse}. */
    public abstract String name();

    /** Every source word, in a fixed order (the vocabulary's order). */
    public abstract List<String> sourceWords();

    /** Every target token, in a fixed order (the vocabulary's order). */
    public abstract List<String> targetWords();

    /** Draws one training example. */
    protected abstract Pair sample(Random random);

    /**
     * Draws one candidate for a held-out split. Tasks leave the shortest
     * sources out here: there are so few of them that holding them out
     * would take away the words the longer examples are made of.
     */
    protected abstract Pair sampleHeldOut(Random random);

    /** The task of a name; an unknown name is an error listing them. */
    public static Task named(String name) {
        switch (name) {
            case "numbers":
                return new NumbersTask();
            case "copy":
                return new SymbolTask(false);
            case "reverse":
                return new SymbolTask(true);
            default:
                throw new IllegalArgumentException("unknown task '" + name
                        + "'; the tasks are numbers, copy, reverse");
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
     * ignore the seed and hold {@value #HELD_OUT_SIZE} examples.
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

    private List<Pair> test() {
        if (test == null) {
            test = drawDistinct(TEST_SEED, Set.of());
        }
        return test;
    }

    private List<Pair> valid() {
        if (valid == null) {
            Set<List<String>> taken = new HashSet<>();
            test().forEach(p -> taken.add(p.source()));
            valid = drawDistinct(VALID_SEED, taken);
        }
        return valid;
    }

    private Set<List<String>> heldOutSources() {
        if (heldOutSources == null) {
            Set<List<String>> sources = new HashSet<>();
            test().forEach(p -> sources.add(p.source()));
            valid().forEach(p -> sources.add(p.source()));
            heldOutSources = sources;
        }
        return heldOutSources;
    }

    /** HELD_OUT_SIZE examples with distinct sources, none of {@code taken}. */
    private List<Pair> drawDistinct(long seed, Set<List<String>> taken) {
        Random random = new Random(seed);
        Set<List<String>> seen = new HashSet<>(taken);
        List<Pair> pairs = new ArrayList<>();
        while (pairs.size() < HELD_OUT_SIZE) {
            Pair pair = sampleHeldOut(random);
            if (seen.add(pair.source())) {
                pairs.add(pair);
            }
        }
        return Collections.unmodifiableList(pairs);
    }
}
