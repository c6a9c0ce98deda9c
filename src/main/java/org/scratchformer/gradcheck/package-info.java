/**
 * Chapter 4, gradient checking ({@code chapters/ch04-gradient-checking.adoc}).
 *
 * <p>Uses {@code tensor} (chapter 3) and the formulas of {@code finitediff}
 * (chapter 1). Used by {@code ops} (chapter 5) and by every later chapter's
 * tests; {@link org.scratchformer.gradcheck.GradCheck} is public API.
 */
@Chapter(number = 4, title = "Gradient checking")
package org.scratchformer.gradcheck;

import org.scratchformer.book.Chapter;
