/**
 * Chapter 2, scalar autograd ({@code chapters/ch02-scalar-autograd.adoc}).
 *
 * <p>Uses nothing of the project; its tests check it against
 * {@code finitediff} (chapter 1). Chapter 3's tensor engine replaces its
 * closures with op classes.
 */
@Chapter(number = 2, title = "Scalar autograd")
package org.scratchformer.scalar;

import org.scratchformer.book.Chapter;
