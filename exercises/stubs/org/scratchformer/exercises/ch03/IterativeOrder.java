package org.scratchformer.exercises.ch03;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.scratchformer.tensor.Tensor;

/**
 * Exercise 3.3: a topological order without recursion.
 *
 * <p>{@link #recursiveOrder} is the textbook depth-first search; a chain of
 * ten thousand ops can already overflow the call stack. Write {@link #order}
 * to give the same list, in the same order, with a stack of your own.
 */
public final class IterativeOrder {
    private IterativeOrder() {
    }

    // tag::recursive[]
    /** Every tensor {@code root} depends on, each after its inputs. */
    public static List<Tensor> recursiveOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        visit(root, Collections.newSetFromMap(new IdentityHashMap<>()),
                order);
        return order;
    }

    private static void visit(Tensor t, Set<Tensor> visited,
            List<Tensor> order) {
        if (!visited.add(t)) {
            return;
        }
        for (Tensor input : t.inputs()) {
            visit(input, visited, order);
        }
        order.add(t);  // after all of its inputs
    }
    // end::recursive[]

    /** The same list as {@link #recursiveOrder}, with no recursion. */
    public static List<Tensor> order(Tensor root) {
        throw new UnsupportedOperationException(
                "keep your own stack: each frame a tensor and its next input");
    }
}
