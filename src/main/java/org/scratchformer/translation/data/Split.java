package org.scratchformer.translation.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The three disjoint parts of a task's examples. */
public enum Split {
    /** Sampled from the training seed; never a held-out source. */
    TRAIN,
    /** Fixed, held out: for choosing when to stop and what to keep. */
    VALID,
    /** Fixed, held out: reported once, never trained or tuned on. */
    TEST;

    /** The name on the command line: {@code train}, {@code valid}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The split of a label; an unknown one is an error listing them. */
    public static Split of(String label) {
        for (Split split : values()) {
            if (split.label().equals(label)) {
                return split;
            }
        }
        throw new IllegalArgumentException("unknown split '" + label
                + "'; the splits are " + Arrays.stream(values())
                .map(Split::label).collect(Collectors.joining(", ")));
    }
}
