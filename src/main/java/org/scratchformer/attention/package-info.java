/**
 * Chapter 8, scaled dot-product attention
 * ({@code chapters/ch08-attention.adoc}).
 *
 * <p>Uses {@code tensor} (chapter 3), {@code gradcheck} (chapter 4) and
 * {@code ops} (chapter 5). Adds the block-batched products that keep a
 * batch linear in cost, attention masks built from lengths, and
 * softmax(QKᵀ/√d)·V over a whole batch. Used by {@code multihead}
 * (chapter 9) and everything after it.
 */
@Chapter(number = 8, title = "Scaled dot-product attention")
package org.scratchformer.attention;

import org.scratchformer.book.Chapter;
