package org.scratchformer.bench;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.nn.Activation;
import org.scratchformer.nn.FeedForward;
import org.scratchformer.nn.Init;
import org.scratchformer.nn.LayerNorm;
import org.scratchformer.nn.Linear;
import org.scratchformer.nn.Module;
import org.scratchformer.ops.Ops;
import org.scratchformer.optim.Adam;
import org.scratchformer.optim.Losses;
import org.scratchformer.optim.Optimizer;
import org.scratchformer.tensor.Tensor;

/**
 * The benchmark workload: a Transformer training step at the reference
 * size without its attention, through the public API. Rows are tokens
 * (64 sentences × 12), d_model C = 128, d_ff F = 512, vocabulary V = 40:
 *
 * <pre>
 * four blocks of:  S = X·W_q + X·W_k + X·W_v       (three Linear(C, C))
 *                  H = LayerNorm(X + S)
 *                  Y = LayerNorm(H + FeedForward(H))   (C → F → C, ReLU)
 * logits (N, V) = Linear(C, V);  label-smoothed cross-entropy;  backward;
 * Adam
 * </pre>
 *
 * <p>The three summed linears stand in for attention's projections: the
 * same products, without the scores.
 */
public final class Workload extends Module implements TrainingStep {
    // tag::sizes[]
    public static final int ROWS = 64 * 12;   // N tokens per step
    public static final int WIDTH = 128;      // C, d_model
    public static final int HIDDEN = 512;     // F, d_ff
    public static final int VOCAB = 40;       // V
    public static final int BLOCKS = 4;
    // end::sizes[]

    private final Block[] blocks = new Block[BLOCKS];
    private final Linear output;
    private final Tensor x;        // (N, C), fixed input
    private final Tensor targets;  // (N, 1), class indices
    private final Optimizer optimizer;

    /** The model, its input and targets, and Adam, all from one seed. */
    public Workload(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < BLOCKS; i++) {
            blocks[i] = child("block" + i, new Block(random));
        }
        output = child("output", new Linear(WIDTH, VOCAB, random));
        x = Tensor.constant(Init.normal(ROWS, WIDTH, 1.0, random));
        DMatrixRMaj classes = new DMatrixRMaj(ROWS, 1);
        for (int n = 0; n < ROWS; n++) {
            classes.set(n, 0, random.nextInt(VOCAB));
        }
        targets = Tensor.constant(classes);
        optimizer = new Adam(parameters(), 1e-3);
    }

    // tag::step[]
    /** One training step; returns the loss before the update. */
    @Override
    public double step() {
        optimizer.zeroGrad();
        Tensor h = x;
        for (Block block : blocks) {
            h = block.forward(h);                      // (N, C)
        }
        Tensor logits = output.forward(h);             // (N, V)
        Tensor loss = Losses.crossEntropy(logits, targets, -100, 0.1);
        loss.backward();
        optimizer.step();
        return loss.item();
    }
    // end::step[]

    /** Every step trains on all {@value #ROWS} rows. */
    @Override
    public int tokens() {
        return ROWS;
    }

    /** Floating-point operations of one step's products: 2 per FMA. */
    public static long flopsPerStep() {
        long perRow = BLOCKS * (3L * WIDTH * WIDTH + 2L * WIDTH * HIDDEN)
                + (long) WIDTH * VOCAB;     // multiply-adds per row, forward
        return 3 * 2 * ROWS * perRow;       // forward, dX and dW: 3 products
    }

    /** One block: three summed projections, a feed-forward, two norms. */
    static final class Block extends Module {
        private final Linear q;
        private final Linear k;
        private final Linear v;
        private final LayerNorm norm1;
        private final FeedForward feedForward;
        private final LayerNorm norm2;

        Block(Random random) {
            q = child("q", new Linear(WIDTH, WIDTH, random));
            k = child("k", new Linear(WIDTH, WIDTH, random));
            v = child("v", new Linear(WIDTH, WIDTH, random));
            norm1 = child("norm1", new LayerNorm(WIDTH));
            feedForward = child("feedForward", new FeedForward(WIDTH, HIDDEN,
                    Activation.RELU, random));
            norm2 = child("norm2", new LayerNorm(WIDTH));
        }

        Tensor forward(Tensor x) {
            Tensor s = Ops.add(Ops.add(q.forward(x), k.forward(x)),
                    v.forward(x));                     // (N, C)
            Tensor h = norm1.forward(Ops.add(x, s));
            return norm2.forward(Ops.add(h, feedForward.forward(h)));
        }
    }
}
