/**
 * Chapter 9, multi-head attention
 * ({@code chapters/ch09-multi-head-attention.adoc}).
 *
 * <p>Uses {@code attention} (chapter 8) for the batched products and the
 * masks, {@code nn} (chapter 6) for the projections, {@code ops} and
 * {@code tensor}. Adds softmax within each head's block of scores, the
 * multi-head attention module in two implementations (composed from
 * primitives, and one fused op with a hand-derived backward), and each
 * head's attention weights for given inputs, computed on request. Used by
 * {@code transformer} (chapter 10).
 */
@Chapter(number = 9, title = "Multi-head attention")
package org.scratchformer.multihead;

import org.scratchformer.book.Chapter;
