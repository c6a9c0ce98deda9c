package org.scratchformer.fast;

import java.util.Random;
import java.util.function.Function;
import org.scratchformer.nn.LinearOp;
import org.scratchformer.nn.LinearReluOp;
import org.scratchformer.nn.ReluGradient;
import org.scratchformer.nn.WeightGradient;
import org.scratchformer.tensor.Engine;
import org.scratchformer.tensor.GemmKernel;
import org.scratchformer.tensor.GradientAccumulator;
import org.scratchformer.tensor.PlainKernel;
import org.scratchformer.tensor.Products;
import org.scratchformer.translation.Trainer;

/**
 * Chapter 13 plugged in: what the program uses unless told to run the
 * plain code of chapters 1–12. Each piece joins at a seam those chapters
 * name, and a test holds it to the plain version it replaces:
 *
 * <ul>
 * <li>the product kernel ({@link Products#use}): the Vector API kernel,
 *     its products split over the threads;
 * <li>ReLU's gradient ({@link LinearReluOp#use}): {@link VectorRelu},
 *     a compare and blend instead of a branch;
 * <li>the engine's accumulator ({@link Engine#use}): {@link
 *     OwnedGradients}, a tensor's first gradient kept, not added to zeros;
 * <li>the weights' gradients ({@link LinearOp#use}): {@link
 *     RecycledGradients}, each dW written over an earlier step's;
 * <li>the training strategy ({@link Trainer.Strategy}): micro-batches on
 *     the threads, Adam and clipping over the parameters on them too;
 * <li>the dropout layers' generator: {@link BufferedRandom}, the numbers
 *     of {@link Random} drawn ahead in four chains.
 * </ul>
 *
 * <p>System properties: {@code scratchformer.plain=true} runs the plain
 * code throughout; {@code scratchformer.kernel=plain} keeps only the
 * plain-Java kernel; {@code scratchformer.threads=N} sets the threads
 * (default: the number of processors).
 */
public final class FastPath {
    private final Workers workers;
    private final boolean plain;

    private FastPath(Workers workers, boolean plain) {
        this.workers = workers;
        this.plain = plain;
    }

    /**
     * Installs the fast product kernel, or the plain one if {@code plain}
     * or the Vector API module is absent, on {@code threads} threads.
     */
    public static FastPath install(boolean plain, int threads) {
        FastPath path = new FastPath(new Workers(threads), plain);
        Products.use(path.kernel(plain
                || "plain".equals(System.getProperty("scratchformer.kernel"))));
        Engine.use(plain ? GradientAccumulator.PLAIN : new OwnedGradients());
        LinearReluOp.use(plain || !hasVectorModule() ? ReluGradient.PLAIN
                : new VectorRelu());
        LinearOp.use(plain ? WeightGradient.PLAIN : new RecycledGradients());
        return path;
    }

    /** {@link #install} as the system properties say. */
    public static FastPath fromProperties() {
        return install(Boolean.getBoolean("scratchformer.plain"),
                Integer.getInteger("scratchformer.threads",
                        Runtime.getRuntime().availableProcessors()));
    }

    // tag::kernel[]
    /**
     * The kernel to install: vectors if the JVM can run them, split over
     * the threads; the plain code's own kernel alone if plain throughout.
     */
    private GemmKernel kernel(boolean plainKernel) {
        GemmKernel single = plainKernel || !hasVectorModule()
                ? new PlainKernel() : new VectorKernel();
        return plain ? single : new SplitKernel(single, workers);
    }
    // end::kernel[]

    /** Whether this JVM was started with the Vector API module. */
    public static boolean hasVectorModule() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector")
                .isPresent();
    }

    /** Whether the plain code runs throughout. */
    public boolean plain() {
        return plain;
    }

    public Workers workers() {
        return workers;
    }

    /** The generator for a model's weights and dropout masks. */
    public Random random(long seed) {
        return plain ? new Random(seed) : new BufferedRandom(seed);
    }

    /** How a trainer computes its steps: {@link MicroBatches}, or plain. */
    public Function<Trainer, Trainer.Strategy> strategy() {
        if (plain) {
            return trainer -> trainer::step;
        }
        return trainer -> new MicroBatches(trainer, workers);
    }

    /** Puts the plain versions back and stops the threads. */
    public void uninstall() {
        Products.use(new PlainKernel());
        Engine.use(GradientAccumulator.PLAIN);
        LinearReluOp.use(ReluGradient.PLAIN);
        LinearOp.use(WeightGradient.PLAIN);
        workers.close();
    }
}
