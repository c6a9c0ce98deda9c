/**
 * Chapter 10, the Transformer block ({@code chapters/ch10-transformer.adoc}).
 *
 * <p>Uses {@code multihead} (chapter 9), {@code attention} (chapter 8) for
 * masks, {@code nn} (chapter 6) for LayerNorm, feed-forward and dropout,
 * {@code ops} and {@code tensor}. Adds sinusoidal positional encoding, the
 * encoder and decoder layers with residual connections in post-LN or
 * pre-LN order, their stacks, and a pass that also collects every
 * attention's weights as {@code AttentionMap}s. Used by
 * {@code translation} (chapter 11).
 */
@Chapter(number = 10, title = "The Transformer block")
package org.scratchformer.transformer;

import org.scratchformer.book.Chapter;
