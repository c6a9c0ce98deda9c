package org.scratchformer.translation.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The debugging tasks: {@code copy} (the target is the source) and
 * {@code reverse} (the source backwards), over the ten symbols {@code a} to
 * {@code j}, sentences of 1 to {@value #MAX_LENGTH} symbols, each length
 * equally likely. A model that cannot learn to copy has a bug, not a lack
 * of capacity; reversing needs attention to look far away.
 *
 * <p>The held-out splits are {@value #HELD_OUT_SIZE} distinct sentences
 * each, drawn from seeds of their own, of {@value #SMALLEST_HELD_OUT}
 * symbols or more: there are only 10 sentences of one symbol and 100 of
 * two, too few to hold any out.
 */
public final class SymbolTask extends Task {
    /** The symbols, in vocabulary order. */
    public static final List<String> SYMBOLS = List.of("a", "b", "c", "d",
            "e", "f", "g", "h", "i", "j");
    /** The longest sentence. */
    public static final int MAX_LENGTH = 10;
    /** The size of the validation split and of the test split. */
    public static final int HELD_OUT_SIZE = 1000;
    /** The shortest sentence a held-out split may contain. */
    public static final int SMALLEST_HELD_OUT = 4;

    private final boolean reverse;

    /** {@code reverse}: the reverse task, else the copy task. */
    public SymbolTask(boolean reverse) {
        this.reverse = reverse;
    }

    @Override
    public String name() {
        return reverse ? "reverse" : "copy";
    }

    @Override
    public List<String> sourceWords() {
        return SYMBOLS;
    }

    @Override
    public List<String> targetWords() {
        return SYMBOLS;
    }

    @Override
    protected Pair sample(Random random) {
        return pair(symbols(1 + random.nextInt(MAX_LENGTH), random));
    }

    @Override
    protected List<Pair> heldOut(Split split, Set<List<String>> taken) {
        return drawDistinct(split == Split.TEST ? TEST_SEED : VALID_SEED,
                HELD_OUT_SIZE, taken, this::sampleHeldOut);
    }

    private Pair sampleHeldOut(Random random) {
        int span = MAX_LENGTH - SMALLEST_HELD_OUT + 1;
        return pair(symbols(SMALLEST_HELD_OUT + random.nextInt(span),
                random));
    }

    private Pair pair(List<String> source) {
        List<String> target = new ArrayList<>(source);
        if (reverse) {
            Collections.reverse(target);
        }
        return new Pair(source, target);
    }

    private static List<String> symbols(int length, Random random) {
        List<String> symbols = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            symbols.add(SYMBOLS.get(random.nextInt(SYMBOLS.size())));
        }
        return symbols;
    }
}
