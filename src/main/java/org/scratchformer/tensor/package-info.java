/**
 * Chapter 3, matrices and the tensor engine
 * ({@code chapters/ch03-tensor-engine.adoc}).
 *
 * <p>Uses EJML's {@code DMatrixRMaj}. Used by every later chapter: the
 * {@code gradcheck} API (chapter 4) checks its ops, {@code ops} (chapter 5)
 * adds the catalogue.
 */
@Chapter(number = 3, title = "Matrices and the tensor engine")
package org.scratchformer.tensor;

import org.scratchformer.book.Chapter;
