package org.scratchformer.decoding;

import java.util.List;

/** One source sentence, its expected translation and the model's. */
public record Prediction(List<String> source, List<String> expected,
        List<String> got) {
    public Prediction {
        source = List.copyOf(source);
        expected = List.copyOf(expected);
        got = List.copyOf(got);
    }

    /** Exactly right: every token, hyphens included. */
    public boolean correct() {
        return got.equals(expected);
    }
}
