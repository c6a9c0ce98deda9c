/**
 * Chapter 6, layers ({@code chapters/ch06-layers.adoc}).
 *
 * <p>Uses {@code tensor} (chapter 3), {@code gradcheck} (chapter 4) and
 * {@code ops} (chapter 5). Used by {@code optim} (chapter 7), which updates
 * the parameters, and by the attention and Transformer chapters.
 */
@Chapter(number = 6, title = "Layers")
package org.scratchformer.nn;

import org.scratchformer.book.Chapter;
