package org.scratchformer.exercises.ch02;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
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
        List<Value> order = new ArrayList<>();
        Set<Value> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        // the call stack of visit(), made explicit: a value and the inputs
        // its loop has not reached yet
        Deque<Value> values = new ArrayDeque<>();
        Deque<Iterator<Value>> pending = new ArrayDeque<>();
        visited.add(root);
        values.push(root);
        pending.push(root.inputs().iterator());
        while (!values.isEmpty()) {
            Iterator<Value> inputs = pending.peek();
            if (inputs.hasNext()) {
                Value input = inputs.next();
                if (visited.add(input)) {  // the recursive call
                    values.push(input);
                    pending.push(input.inputs().iterator());
                }
            } else {  // the return, after order.add(v)
                order.add(values.pop());
                pending.pop();
            }
        }
        return order;
    }
}
