package org.scratchformer.nn;

import java.util.List;
import org.scratchformer.tensor.Tensor;

/**
 * Layers applied one after another: Y = fₙ(… f₁(f₀(X))). PyTorch:
 * nn.Sequential. The layers are children named by their position, so the
 * first layer's weight is {@code 0.weight}.
 */
public final class Sequential extends Layer {
    private final List<Layer> layers;

    /** Chains {@code layers} in the order given; at least one. */
    public Sequential(Layer... layers) {
        if (layers.length == 0) {
            throw new IllegalArgumentException("Sequential: needs at least"
                    + " one layer, got none");
        }
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] == null) {
                throw new IllegalArgumentException("Sequential: layer " + i
                        + " is null");
            }
            child(Integer.toString(i), layers[i]);
        }
        this.layers = List.of(layers);
    }

    // tag::forward[]
    @Override
    public Tensor forward(Tensor x) {
        Tensor y = x;
        for (Layer layer : layers) {
            y = layer.forward(y);
        }
        return y;
    }
    // end::forward[]

    /** The layers, in order. */
    public List<Layer> layers() {
        return layers;
    }

    /** How many layers it chains. */
    public int size() {
        return layers.size();
    }

    @Override
    public String toString() {
        return "Sequential" + layers;
    }
}
