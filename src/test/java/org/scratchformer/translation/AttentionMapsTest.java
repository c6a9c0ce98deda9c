package org.scratchformer.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.scratchformer.multihead.MultiHeadAttention;
import org.scratchformer.multihead.UsedWeights;
import org.scratchformer.tensor.Tensor;
import org.scratchformer.transformer.AttentionMap;
import org.scratchformer.transformer.AttentionMap.Kind;
import org.scratchformer.transformer.NormPlacement;
import org.scratchformer.translation.data.Task;
import org.scratchformer.translation.data.Tokens;
import org.scratchformer.translation.data.Vocabulary;

/**
 * The maps of one translation: every layer and head of the three
 * attentions, the weights that the model's own pass uses, alone and as
 * one padded sentence of a batch.
 */
class AttentionMapsTest {
    static final int HEADS = 2;
    static final Task TASK = Task.named("numbers");
    static final int[] SOURCE = TASK.sourceVocabulary().encode(
            Tokens.split("three hundred seventy one"));  // S 4
    static final int[] LONGER = TASK.sourceVocabulary().encode(
            Tokens.split("nine hundred ninety nine thousand nine"));  // S 6
    /** {@code <s>}, then the translation: T 6. */
    static final int[] INPUT = input("trois cent soixante et onze");
    static final int[] LONGER_INPUT = input(
            "neuf cent quatre-vingt-dix-neuf mille neuf");  // T 12

    static int[] input(String translation) {
        int[] words = TASK.targetVocabulary().encode(Tokens.split(
                translation));
        int[] ids = new int[words.length + 1];
        ids[0] = Vocabulary.START_ID;
        System.arraycopy(words, 0, ids, 1, words.length);
        return ids;
    }

    static Translator model(NormPlacement norm) {
        Translator model = new Translator(new ModelConfig(8, HEADS, 16, 2,
                2, 0.1, norm, false), TASK.sourceVocabulary().size(),
                TASK.targetVocabulary().size(), new Random(11));
        model.eval();
        return model;
    }

    /** The logits of a batch, with the graph of the pass. */
    static Tensor pass(Translator model, int[][] source, int[] sourceLengths,
            int[][] input, int[] inputLengths) {
        return model.decode(model.encode(source, sourceLengths),
                sourceLengths, input, inputLengths);
    }

    static MultiHeadAttention attention(Translator model, AttentionMap map) {
        return switch (map.kind()) {
            case ENCODER_SELF -> model.encoder().layers().get(map.layer())
                    .selfAttention();
            case DECODER_SELF -> model.decoder().layers().get(map.layer())
                    .selfAttention();
            case CROSS -> model.decoder().layers().get(map.layer())
                    .crossAttention();
        };
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(NormPlacement.class)
    void theMapsAreTheWeightsOfTheModelsOwnPass(NormPlacement norm) {
        Translator model = model(norm);
        AttentionMaps maps = model.attentionMaps(SOURCE, INPUT);
        Tensor logits = pass(model, new int[][] {SOURCE},
                new int[] {SOURCE.length}, new int[][] {INPUT},
                new int[] {INPUT.length});
        assertEquals((2 + 2 * 2) * HEADS, maps.maps().size());
        for (AttentionMap map : maps.maps()) {
            DMatrixRMaj used = UsedWeights.in(logits, attention(model, map))
                    .get(map.head());
            DMatrixRMaj w = map.weights();
            assertEquals(List.of(used.numRows, used.numCols),
                    List.of(w.numRows, w.numCols));
            for (int i = 0; i < w.getNumElements(); i++) {
                assertEquals(used.get(i), w.get(i), 1e-12, map.kind() + " "
                        + map.layer() + " head " + map.head() + ", " + i);
            }
        }
        assertEquals(Arrays.stream(SOURCE).boxed().toList(), maps.source());
        assertEquals(Arrays.stream(INPUT).boxed().toList(),
                maps.decoderInput());
    }

    @Test
    void aSentenceHasTheMapsOfItsRowsInAPaddedBatch() {
        Translator model = model(NormPlacement.POST);
        AttentionMaps alone = model.attentionMaps(SOURCE, INPUT);
        int s = LONGER.length;
        int t = LONGER_INPUT.length;
        int[][] source = {LONGER, Arrays.copyOf(SOURCE, s)};
        int[][] input = {LONGER_INPUT, Arrays.copyOf(INPUT, t)};
        Tensor logits = pass(model, source, new int[] {s, SOURCE.length},
                input, new int[] {t, INPUT.length});
        for (AttentionMap map : alone.maps()) {
            DMatrixRMaj batch = UsedWeights.in(logits, attention(model, map))
                    .get(map.head());  // (2·T', S'): sequence 1 is ours
            int offset = map.kind() == Kind.ENCODER_SELF ? s : t;
            DMatrixRMaj w = map.weights();
            for (int r = 0; r < w.numRows; r++) {
                for (int c = 0; c < batch.numCols; c++) {
                    double expected = c < w.numCols ? w.get(r, c) : 0;
                    assertEquals(expected, batch.get(offset + r, c), 1e-12,
                            map.kind() + " " + map.layer() + " head "
                                    + map.head() + " (" + r + ", " + c
                                    + ")");
                }
            }
        }
    }

    @Test
    void decoderSelfAttentionLooksOnlyBack() {
        AttentionMaps maps = model(NormPlacement.PRE).attentionMaps(SOURCE,
                INPUT);
        for (int l = 0; l < 2; l++) {
            for (int h = 0; h < HEADS; h++) {
                DMatrixRMaj w = maps.get(Kind.DECODER_SELF, l, h).weights();
                for (int r = 0; r < w.numRows; r++) {
                    for (int c = r + 1; c < w.numCols; c++) {
                        assertEquals(0, w.get(r, c), 0, "layer " + l
                                + " head " + h + " (" + r + ", " + c + ")");
                    }
                }
            }
        }
    }

    @Test
    void aMapIsFoundByKindLayerAndHeadAndAMissingOneNamesTheRange() {
        AttentionMaps maps = model(NormPlacement.POST).attentionMaps(SOURCE,
                INPUT);
        AttentionMap cross = maps.get(Kind.CROSS, 1, 1);
        assertEquals(List.of(Kind.CROSS, 1, 1), List.of(cross.kind(),
                cross.layer(), cross.head()));
        assertEquals(List.of(INPUT.length, SOURCE.length), List.of(
                cross.weights().numRows, cross.weights().numCols));
        for (int[] layerAndHead : new int[][] {{0, 2}, {0, -1}, {2, 0},
            {-1, 0}}) {
            int layer = layerAndHead[0];
            int head = layerAndHead[1];
            String message = assertThrows(IllegalArgumentException.class,
                    () -> maps.get(Kind.ENCODER_SELF, layer, head))
                    .getMessage();
            for (String word : List.of("ENCODER_SELF layer " + layer
                    + ", head " + head + " does not exist", "layers 0 to 1",
                    "heads 0 to 1")) {
                assertTrue(message.contains(word), "'" + word + "' missing"
                        + " from: " + message);
            }
        }
    }

    @Test
    void theMapsNeedEvaluationModeAndTokensOnBothSides() {
        Translator model = model(NormPlacement.POST);
        String empty = assertThrows(IllegalArgumentException.class,
                () -> model.attentionMaps(new int[0], INPUT)).getMessage();
        assertTrue(empty.contains("Translator.attentionMaps")
                && empty.contains("source has 0 tokens")
                && empty.contains("at least 1"), empty);
        String noInput = assertThrows(IllegalArgumentException.class,
                () -> model.attentionMaps(SOURCE, new int[0])).getMessage();
        assertTrue(noInput.contains("decoder input 0"), noInput);
        model.train();
        String training = assertThrows(IllegalStateException.class,
                () -> model.attentionMaps(SOURCE, INPUT)).getMessage();
        assertTrue(training.contains("training mode")
                && training.contains("eval()"), training);
    }
}
