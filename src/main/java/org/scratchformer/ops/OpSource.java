package org.scratchformer.ops;

import java.util.List;

/**
 * Registry entries contributed by a later chapter's package, such as a
 * fused LayerNorm in {@code nn}. The registry cannot import later chapters,
 * so they announce themselves: a class implementing this interface, named
 * in {@code META-INF/services/org.scratchformer.ops.OpSource}.
 */
public interface OpSource {
    /** The chapter that contributes them: entries are listed in book order. */
    int chapter();

    /** The entries, each with a name unique across the whole registry. */
    List<OpEntry> entries();
}
