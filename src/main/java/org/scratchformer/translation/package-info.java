/**
 * Chapter 11, training a translator ({@code chapters/ch11-translator.adoc}):
 * the model ({@code Translator}, {@code ModelConfig}), its batches and the
 * training loop ({@code Trainer}, with the {@code Trainer.Strategy} seam
 * that chapter 13 fills), and every attention map of one translation
 * ({@code AttentionMaps}), which chapter 12 draws. The task's data is in {@code translation.data},
 * the run folders' files in {@code translation.checkpoint}. Uses
 * {@code tensor} (chapter 3) for the index tensors that embeddings gather
 * with. Used by {@code decoding} (chapter 12).
 */
@Chapter(number = 11, title = "Training a translator")
package org.scratchformer.translation;

import org.scratchformer.book.Chapter;
