package org.scratchformer.exercises.ch03;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.scratchformer.tensor.Tensor;

/**
 * Exercise 3.3: a topological order without recursion.
 *
 * <p>{@link #recursiveOrder} is the textbook depth-first search; a chain of
 * ten thousand ops can already overflow the call stack. {@link #order} gives
 * the same list with an explicit stack.
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

    // tag::order[]
    /** The same list as {@link #recursiveOrder}, with no recursion. */
    public static List<Tensor> order(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(
                new IdentityHashMap<>());
        // the call stack made explicit: a tensor, and its next input
        List<Tensor> stack = new ArrayList<>();
        int[] nextInput = new int[16];
        visited.add(root);
        stack.add(root);
        while (!stack.isEmpty()) {
            int top = stack.size() - 1;
            Tensor t = stack.get(top);
            if (nextInput[top] < t.inputs().size()) {
                Tensor input = t.inputs().get(nextInput[top]++);
                if (visited.add(input)) {   // the recursive call
                    if (stack.size() == nextInput.length) {
                        nextInput = Arrays.copyOf(nextInput,
                                2 * nextInput.length);
                    }
                    nextInput[stack.size()] = 0;
                    stack.add(input);
                }
            } else {                        // the return
                stack.remove(top);
                order.add(t);
            }
        }
        return order;
    }
    // end::order[]
}
