package org.scratchformer.ops;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.scratchformer.tensor.Op;
import org.scratchformer.tensor.Tensor;

/**
 * One line of the registry: an op, how to make valid random inputs for it,
 * and how to apply it to them.
 *
 * @param name    unique name; golden values and the gradient reference use it
 * @param opClass the class that implements it
 * @param inputs  random inputs of compatible shapes, in the op's smooth
 *                region; constants (masks, indices) as {@code Tensor.constant}
 * @param apply   the op applied to those inputs
 */
public record OpEntry(String name, Class<? extends Op> opClass,
        Function<Random, List<Tensor>> inputs,
        Function<List<Tensor>, Tensor> apply) {

    @Override
    public String toString() {
        return name;  // how parameterized tests name the case
    }

    /** Inputs for the case with this seed. */
    public List<Tensor> inputsFor(long seed) {
        return inputs.apply(new Random(seed));
    }
}
