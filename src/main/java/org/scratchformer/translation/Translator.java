package org.scratchformer.translation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.scratchformer.attention.AttentionMask;
import org.scratchformer.nn.Dropout;
import org.scratchformer.nn.Embedding;
import org.scratchformer.nn.Init;
import org.scratchformer.nn.Linear;
import org.scratchformer.nn.Module;
import org.scratchformer.ops.Ops;
import org.scratchformer.optim.CrossEntropy;
import org.scratchformer.tensor.NoGrad;
import org.scratchformer.tensor.Tensor;
import org.scratchformer.transformer.AttentionMap;
import org.scratchformer.transformer.Decoder;
import org.scratchformer.transformer.Encoder;
import org.scratchformer.transformer.PositionalEncoding;
import org.scratchformer.translation.anomaly.ForwardCheck;
import org.scratchformer.translation.data.Vocabulary;

/**
 * The encoder-decoder Transformer of "Attention Is All You Need" for one
 * source and one target vocabulary.
 *
 * <pre>
 * source ids (B, S) → embed·√C + PE → encoder → memory (B·S, C)
 * decoder input ids (B, T) → embed·√C + PE → decoder(memory)
 *   → (B·T, C) · W_out (C, V_t) + b → logits (B·T, V_t)
 * </pre>
 *
 * <p>An embedding row starts with entries of variance 1/C, so that after
 * the √C of the paper it has variance 1, the scale of the positional
 * encoding it is added to. With {@code tied}, the output projection is the
 * target embedding itself, transposed (logits = h·Eᵀ, no bias): the same
 * matrix maps a word to a vector and a vector back to word scores, which
 * saves V_t·C parameters (Press and Wolf, 2017).
 */
public final class Translator extends Module {
    /** Label smoothing ε of the paper. */
    public static final double SMOOTHING = 0.1;

    private final ModelConfig config;
    private final Embedding sourceEmbedding;
    private final Embedding targetEmbedding;
    private final PositionalEncoding positions;
    private final Dropout sourceDropout;
    private final Dropout targetDropout;
    private final Encoder encoder;
    private final Decoder decoder;
    private final Linear output;  // null when tied
    private final CrossEntropy loss = new CrossEntropy(Vocabulary.PAD_ID,
            SMOOTHING);
    private final Random dropoutRandom;  // every dropout layer draws here

    public Translator(ModelConfig config, int sourceVocabulary,
            int targetVocabulary, Random random) {
        this.config = config;
        this.dropoutRandom = random;
        int c = config.model();
        this.sourceEmbedding = child("source_embedding",
                embedding(sourceVocabulary, c, random));
        this.targetEmbedding = child("target_embedding",
                embedding(targetVocabulary, c, random));
        this.positions = new PositionalEncoding(c);
        this.sourceDropout = child("source_dropout",
                new Dropout(config.dropout(), random));
        this.targetDropout = child("target_dropout",
                new Dropout(config.dropout(), random));
        this.encoder = child("encoder", new Encoder(config.encoderLayers(),
                config.layer(), random));
        this.decoder = child("decoder", new Decoder(config.decoderLayers(),
                config.layer(), random));
        this.output = config.tied() ? null : child("output",
                new Linear(c, targetVocabulary, random));
    }

    private static Embedding embedding(int vocabulary, int width,
            Random random) {
        Embedding e = new Embedding(vocabulary, width, random);
        e.weight().set(Init.normal(vocabulary, width,
                1 / Math.sqrt(width), random));
        return e;
    }

    // tag::encode[]
    /** memory (B·S, C) for the source ids (B, S) of known lengths. */
    public Tensor encode(int[][] source, int[] lengths) {
        int s = source[0].length;
        Tensor x = embed(sourceEmbedding, source, sourceDropout);
        return encoder.forward(x, AttentionMask.padding(lengths, s, s));
    }
    // end::encode[]

    // tag::decode[]
    /** logits (B·T, V_t) for decoder input ids (B, T) and the memory. */
    public Tensor decode(Tensor memory, int[] sourceLengths,
            int[][] decoderInput, int[] targetLengths) {
        int b = decoderInput.length;
        int t = decoderInput[0].length;
        int s = memory.rows() / b;
        Tensor y = embed(targetEmbedding, decoderInput, targetDropout);
        AttentionMask self = AttentionMask.causal(b, t)
                .and(AttentionMask.padding(targetLengths, t, t));
        AttentionMask cross = AttentionMask.padding(sourceLengths, t, s);
        Tensor h = decoder.forward(y, memory, self, cross);  // (B·T, C)
        return output == null
                ? Ops.matmulTransB(h, targetEmbedding.weight().tensor())
                : output.forward(h);  // (B·T, V_t)
    }
    // end::decode[]

    // tag::loss[]
    /** Label-smoothed cross-entropy over the batch's target tokens. */
    public Tensor loss(Batch batch) {
        Tensor memory = encode(batch.source(), batch.sourceLengths());
        Tensor logits = decode(memory, batch.sourceLengths(),
                batch.decoderInput(), batch.targetLengths());
        ForwardCheck.inAnomalyMode(logits, this);  // before the loss refuses
        Tensor targets = Ops.transpose(batch.targetIds());  // (B·T, 1)
        return loss.apply(logits, targets);  // padding (id 0) ignored
    }
    // end::loss[]

    // tag::ch12-attention-maps[]
    /**
     * Every attention map of one translation: the model reads the source
     * ids (S) and, on the decoder side, {@code <s>} and the translation's
     * ids (T), once, without a graph; each attention hands on the weights
     * it uses. One sentence, so no padding: the source sees all of itself,
     * the decoder is causal. Only in evaluation mode, as decoding runs.
     */
    @SuppressWarnings("try")  // the scope only switches the graph off
    public AttentionMaps attentionMaps(int[] source, int[] decoderInput) {
        checkMapsInput(source, decoderInput);
        int s = source.length;
        int t = decoderInput.length;
        List<AttentionMap> maps = new ArrayList<>();
        try (NoGrad scope = NoGrad.enter()) {
            Tensor x = embed(sourceEmbedding, new int[][] {source},
                    sourceDropout);
            Tensor memory = encoder.forward(x, AttentionMask.none(1, s, s),
                    maps);
            Tensor y = embed(targetEmbedding, new int[][] {decoderInput},
                    targetDropout);
            decoder.forward(y, memory, AttentionMask.causal(1, t),
                    AttentionMask.none(1, t, s), maps);
        }
        return new AttentionMaps(ids(source), ids(decoderInput), maps);
    }
    // end::ch12-attention-maps[]

    private void checkMapsInput(int[] source, int[] decoderInput) {
        if (isTraining()) {
            throw new IllegalStateException("Translator.attentionMaps: the"
                    + " model is in training mode, where dropout changes"
                    + " every pass; call eval() first");
        }
        if (source.length == 0 || decoderInput.length == 0) {
            throw new IllegalArgumentException("Translator.attentionMaps:"
                    + " the source has " + source.length + " tokens and"
                    + " the decoder input " + decoderInput.length + "; each"
                    + " needs at least 1");
        }
    }

    private static List<Integer> ids(int[] ids) {
        return Arrays.stream(ids).boxed().toList();
    }

    // tag::embed[]
    /** E[ids]·√C + PE, then dropout: (B·L, C) for ids (B, L). */
    private Tensor embed(Embedding table, int[][] ids, Dropout dropout) {
        int length = ids[0].length;
        Tensor e = table.forward(Batch.indices(ids));  // (B·L, C)
        Tensor scaled = Ops.scale(e, Math.sqrt(config.model()));
        return dropout.forward(positions.addTo(scaled, length));
    }
    // end::embed[]

    /**
     * Restarts the dropout masks' random numbers: a training step that
     * reseeds from the step number draws the same masks whether the run
     * was interrupted or not.
     */
    public void reseedDropout(long seed) {
        dropoutRandom.setSeed(seed);
    }

    public ModelConfig config() {
        return config;
    }

    public Encoder encoder() {
        return encoder;
    }

    public Decoder decoder() {
        return decoder;
    }
}
