package org.scratchformer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/** Parameters by path, counts, modes and the substitution scope. */
class ModuleTest {

    /** A block with a layer norm and a nested pair of linears. */
    static final class Block extends Layer {
        final LayerNorm norm;
        final Sequential ffn;

        Block(Random random) {
            norm = child("norm", new LayerNorm(4));
            ffn = child("ffn", new Sequential(new Linear(4, 6, random),
                    new Linear(6, 4, false, random)));
        }

        @Override
        public Tensor forward(Tensor x) {
            return Ops.add(x, ffn.forward(norm.forward(x)));
        }
    }

    @Test
    void parametersAreNamedByTheirPathInRegistrationOrder() {
        Block block = new Block(new Random(1));
        assertEquals(List.of("norm.gain", "norm.bias", "ffn.0.weight",
                "ffn.0.bias", "ffn.1.weight"),
                List.copyOf(block.parameters().keySet()));
    }

    @Test
    void aPathLeadsToTheParameterItNames() {
        Block block = new Block(new Random(1));
        Linear first = (Linear) block.ffn.layers().get(0);
        assertSame(first.weight(), block.parameters().get("ffn.0.weight"));
        assertSame(block.norm.gain(), block.parameters().get("norm.gain"));
    }

    @Test
    void namesAreTheSameOnEveryRunAndForEverySeed() {
        assertEquals(List.copyOf(new Block(new Random(1)).parameters()
                .keySet()), List.copyOf(new Block(new Random(99))
                        .parameters().keySet()));
    }

    /** x + ffn(norm(x)), the shape of a Transformer sublayer. */
    static final class Sublayer extends Layer {
        final LayerNorm norm = child("norm", new LayerNorm(4));
        final FeedForward ffn;

        Sublayer(Random random) {
            ffn = child("ffn", new FeedForward(4, 8, Activation.RELU, 0.1,
                    random));
        }

        @Override
        public Tensor forward(Tensor x) {
            return Ops.add(x, ffn.forward(norm.forward(x)));
        }
    }

    @Test
    void aFeedForwardChildIsNamedByItsLinears() {
        assertEquals(List.of("norm.gain", "norm.bias", "ffn.linear1.weight",
                "ffn.linear1.bias", "ffn.linear2.weight", "ffn.linear2.bias"),
                List.copyOf(new Sublayer(new Random(1)).parameters()
                        .keySet()));
    }

    @Test
    void evalReachesADropoutTwoLevelsDown() {
        Sublayer sublayer = new Sublayer(new Random(1));
        sublayer.eval();
        assertFalse(sublayer.ffn.children().get("dropout").isTraining());
        sublayer.train();
        assertTrue(sublayer.ffn.children().get("dropout").isTraining());
    }

    @Test
    void theCountAddsUpEveryParameter() {
        // norm 4 + 4, ffn.0 4·6 + 6, ffn.1 6·4 without bias
        assertEquals(8 + 30 + 24, new Block(new Random(1)).parameterCount());
    }

    @Test
    void evalAndTrainReachEveryDescendant() {
        Block block = new Block(new Random(1));
        assertTrue(block.isTraining(), "a new module trains");
        block.eval();
        assertFalse(block.ffn.layers().get(1).isTraining());
        assertFalse(block.norm.isTraining());
        block.train();
        assertTrue(block.ffn.layers().get(0).isTraining());
    }

    @Test
    void zeroGradClearsEveryParameter() {
        Block block = new Block(new Random(1));
        Tensor x = Tensor.constant(new double[][] {{1, -2, 3, 0.5}});
        Ops.sum(block.forward(x)).backward();
        assertTrue(anyNonZero(block.parameters().get("ffn.0.weight")
                .grad()), "backward reached the first linear");
        block.zeroGrad();
        for (Parameter p : block.parameters().values()) {
            assertFalse(anyNonZero(p.grad()), p + " kept a gradient");
        }
    }

    static boolean anyNonZero(DMatrixRMaj m) {
        for (int k = 0; k < m.getNumElements(); k++) {
            if (m.get(k) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Registers whatever names the test hands it. */
    static final class Named extends Module {
        void add(String name) {
            parameter(name, new Parameter(new DMatrixRMaj(1, 1)));
        }
    }

    @Test
    void aNameWithADotIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new Named().add("a.b"));
        assertEquals("Named: a parameter or child name must be non-empty and"
                + " contain no '.', got 'a.b'", e.getMessage());
    }

    @Test
    void aNameUsedTwiceIsRefused() {
        Named m = new Named();
        m.add("w");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> m.add("w"));
        assertEquals("Named: the name 'w' is already registered",
                e.getMessage());
    }

    @Test
    void aSubstituteServesUntilTheScopeCloses() {
        Parameter p = new Parameter(new DMatrixRMaj(2, 3));
        Tensor own = p.tensor();
        Tensor leaf = Tensor.variable(new DMatrixRMaj(2, 3));
        Parameter.Substitution scope = p.substitute(leaf);
        assertSame(leaf, p.tensor());
        scope.close();
        assertSame(own, p.tensor());
    }

    @Test
    void aSubstituteOfAnotherShapeIsRefused() {
        Parameter p = new Parameter(new DMatrixRMaj(2, 3));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> p.substitute(
                        Tensor.variable(new DMatrixRMaj(3, 2))));
        assertEquals("parameter (2x3) cannot be replaced by a tensor (3x2)",
                e.getMessage());
    }
}
