package org.scratchformer.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The graph behind a tensor: its order, and clearing its gradients. */
public final class Graph {
    private Graph() {
    }

    /**
     * Every tensor that {@code root} depends on, each after all of its
     * inputs. Depth-first with an explicit stack: a chain of a million ops
     * does not overflow the call stack.
     */
    // tag::topo-sort[]
    public static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(
                new IdentityHashMap<>());  // identity, not equals
        // each frame: a tensor and the inputs it has yet to visit
        Deque<Map.Entry<Tensor, Iterator<Tensor>>> stack = new ArrayDeque<>();
        visited.add(root);
        stack.push(Map.entry(root, root.inputs().iterator()));
        while (!stack.isEmpty()) {
            Map.Entry<Tensor, Iterator<Tensor>> frame = stack.peek();
            Iterator<Tensor> pending = frame.getValue();
            if (pending.hasNext()) {
                Tensor input = pending.next();
                if (visited.add(input)) {
                    stack.push(Map.entry(input, input.inputs().iterator()));
                }
            } else {
                stack.pop();
                order.add(frame.getKey());  // all its inputs are in order
            }
        }
        return order;
    }
    // end::topo-sort[]

    /** Sets the gradient of every tensor in {@code root}'s graph to zero. */
    // tag::zero-grad-graph[]
    public static void zeroGrad(Tensor root) {
        for (Tensor t : topologicalOrder(root)) {
            t.zeroGrad();
        }
    }
    // end::zero-grad-graph[]
}
