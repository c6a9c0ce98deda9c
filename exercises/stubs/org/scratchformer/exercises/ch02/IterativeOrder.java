package org.scratchformer.exercises.ch02;

import java.util.List;
import org.scratchformer.scalar.Value;

/**
 * Exercise 2.3: turn a recursive topological sort into one that uses an
 * explicit stack.
 *
 * <p>This recursive version is correct, but needs one call-stack frame per
 * value along the longest path, so a chain of 100,000 ops overflows the
 * stack:
 * <pre>{@code
 * static void visit(Value v, Set<Value> visited, List<Value> order) {
 *     if (visited.add(v)) {
 *         for (Value input : v.inputs()) {
 *             visit(input, visited, order);
 *         }
 *         order.add(v);  // after all of its inputs
 *     }
 * }
 * }</pre>
 * Keep the same order (inputs before the values made from them, the root
 * last, each value once) without any recursion. Two values with equal data
 * are different nodes: compare by identity.
 */
public final class IterativeOrder {
    private IterativeOrder() {
    }

    /** Every value that {@code root} depends on, each after its inputs. */
    public static List<Value> topologicalOrder(Value root) {
        throw new UnsupportedOperationException(
                "push (value, iterator over its inputs) frames on an"
                        + " ArrayDeque; add a value to the order when its"
                        + " iterator is done");
    }
}
