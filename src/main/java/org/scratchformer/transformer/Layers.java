package org.scratchformer.transformer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import org.scratchformer.nn.Module;

/**
 * A numbered list of layers, so that their parameters are named
 * {@code layers.0.…}, {@code layers.1.…} as PyTorch's ModuleList names
 * them.
 */
final class Layers<M extends Module> extends Module {
    private final List<M> items = new ArrayList<>();

    Layers(String owner, int count, IntFunction<M> make) {
        if (count < 1) {
            throw new IllegalArgumentException(owner + ": needs at least one"
                    + " layer, got " + count);
        }
        for (int i = 0; i < count; i++) {
            items.add(child(String.valueOf(i), make.apply(i)));
        }
    }

    List<M> all() {
        return Collections.unmodifiableList(items);
    }
}
