/**
 * Chapter 11, training a translator ({@code chapters/ch11-translator.adoc}).
 *
 * <p>The toy task (English number words to French ones, and the
 * {@code copy} and {@code reverse} tasks for debugging), its vocabularies,
 * batching, and the safetensors checkpoint format. Uses {@code tensor}
 * (chapter 3) for the index tensors that embeddings gather with, and
 * {@code nn} (chapter 6) for the dotted parameter names that checkpoints
 * store. Used by {@code decoding} (chapter 12).
 */
@Chapter(number = 11, title = "Training a translator")
package org.scratchformer.translation;

import org.scratchformer.book.Chapter;
