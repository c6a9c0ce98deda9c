/**
 * Chapter 1, derivatives by finite differences
 * ({@code chapters/ch01-finite-differences.adoc}).
 *
 * <p>Uses nothing of the project. The oracle that every later chapter is
 * checked against: {@code gradcheck} (chapter 4) is built on these formulas.
 */
@Chapter(number = 1, title = "Derivatives by finite differences")
package org.scratchformer.finitediff;

import org.scratchformer.book.Chapter;
