/**
 * Chapter 10, the Transformer block
 * ({@code chapters/ch10-transformer.adoc}).
 *
 * <p>Uses {@code tensor}, {@code ops} and {@code nn} (chapters 3, 5 and 6)
 * and the attention of chapters 8 and 9: sinusoidal positional encoding,
 * then encoder and decoder layers and their stacks. Used by the translator
 * of chapter 11.
 */
@Chapter(number = 10, title = "The Transformer block")
package org.scratchformer.transformer;

import org.scratchformer.book.Chapter;
