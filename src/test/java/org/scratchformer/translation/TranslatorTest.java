package org.scratchformer.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scratchformer.transformer.NormPlacement;
import org.scratchformer.translation.data.Pair;
import org.scratchformer.translation.data.Split;
import org.scratchformer.translation.data.Task;

/** What a translator is made of: its output layer, its embeddings. */
class TranslatorTest {
    final Task task = Task.named("copy");
    final List<Pair> pairs = task.pairs(Split.TRAIN, 4, 1);

    Translator model(ModelConfig config, long seed) {
        return new Translator(config, task.sourceVocabulary().size(),
                task.targetVocabulary().size(), new Random(seed));
    }

    @Test
    void theReferenceConfigurationIsTheChaptersModel() {
        assertEquals(new ModelConfig(128, 4, 512, 2, 2, 0.1,
                NormPlacement.POST, false), ModelConfig.reference());
    }

    @Test
    void aTiedModelHasNoOutputLayerAndScoresWordsWithItsEmbedding() {
        ModelConfig tied = new ModelConfig(8, 2, 16, 1, 2, 0.0,
                NormPlacement.POST, true);
        Translator model = model(tied, 1);
        Translator untied = model(TrainerTest.TINY, 1);
        assertTrue(model.parameters().keySet().stream().noneMatch(
                n -> n.startsWith("output.")), model.parameters().keySet()
                .toString());
        assertTrue(untied.parameters().containsKey("output.weight"));
        assertEquals(1, model.encoder().layers().size());
        assertEquals(2, model.decoder().layers().size());
        Batch batch = Batcher.of(task, 4).batch(pairs);
        assertTrue(Double.isFinite(model.loss(batch).item()));
    }

    @Test
    void embeddingEntriesHaveVarianceOneOverTheWidth() {
        // so that after the scale √C they match the positional encoding
        Translator model = model(TrainerTest.TINY, 3);
        for (String name : List.of("source_embedding.weight",
                "target_embedding.weight")) {
            double[] w = model.parameters().get(name).value().data;
            double meanSquare = 0;
            for (double x : w) {
                meanSquare += x * x / w.length;
            }
            // 13 × 8 draws of variance 1/8: the mean square is 0.125 ± 0.02
            assertEquals(1 / 8.0, meanSquare, 0.05, name);
        }
    }
}
