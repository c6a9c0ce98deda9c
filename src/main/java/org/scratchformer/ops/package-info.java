/**
 * Chapter 5, the op catalogue ({@code chapters/ch05-op-catalogue.adoc}).
 *
 * <p>Uses {@code tensor} (chapter 3) and {@code gradcheck} (chapter 4).
 * Every primitive op is listed in {@link org.scratchformer.ops.OpRegistry};
 * layers (chapter 6) and attention (chapters 8 and 9) are built from them.
 */
@Chapter(number = 5, title = "The op catalogue")
package org.scratchformer.ops;

import org.scratchformer.book.Chapter;
