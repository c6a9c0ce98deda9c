package org.scratchformer.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scratchformer.book.Listings;

/**
 * The listing {@code scalar-neuron}: one neuron, L = (tanh(w·x + b))², with
 * every value of its graph and the gradient backward() gives it.
 */
class ScalarExample {

    @Test
    void oneNeuronForwardAndBackward() {
        // tag::neuron[]
        Value w = new Value(-1.5);
        Value x = new Value(0.5);
        Value b = new Value(2.0);
        Value p = w.mul(x);
        Value z = p.add(b);
        Value y = z.tanh();
        Value loss = y.pow(2);
        loss.backward();
        // end::neuron[]

        Map<Value, String> names = new IdentityHashMap<>();
        names.put(w, "w");
        names.put(x, "x");
        names.put(b, "b");
        names.put(p, "p");
        names.put(z, "z");
        names.put(y, "y");
        names.put(loss, "L");
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%-4s  %-5s  %8s  %9s%n", "node", "op", "data", "dL/dnode"));
        for (Value v : loss.topologicalOrder()) {  // inputs first
            table.append(String.format(Locale.ROOT,
                    "%-4s  %-5s  %8.4f  %9.4f%n", names.get(v),
                    v.isLeaf() ? "leaf" : v.op(), v.data(), v.grad()));
        }
        Listings.write("scalar-neuron", table.toString());

        // the chain rule by hand: dL/dz = 2y · (1 − y²)
        double yy = Math.tanh(-1.5 * 0.5 + 2.0);
        double dLdz = 2 * yy * (1 - yy * yy);
        assertEquals(1.25, z.data(), 1e-15);
        assertEquals(2 * yy, y.grad(), 1e-15);
        assertEquals(dLdz, z.grad(), 1e-15);
        assertEquals(dLdz, b.grad(), 1e-15);
        assertEquals(dLdz, p.grad(), 1e-15);
        assertEquals(dLdz * x.data(), w.grad(), 1e-15);
        assertEquals(dLdz * w.data(), x.grad(), 1e-15);
        assertEquals(7, names.size(), "each value has its own name");
    }
}
