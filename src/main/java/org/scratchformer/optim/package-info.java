/**
 * Chapter 7, losses and optimizers
 * ({@code chapters/ch07-losses-optimizers.adoc}).
 *
 * <p>Uses {@code tensor}, {@code gradcheck}, {@code ops} and {@code nn}
 * (chapters 3 to 6). Used by the training loop of chapter 11.
 */
@Chapter(number = 7, title = "Losses and optimizers")
package org.scratchformer.optim;

import org.scratchformer.book.Chapter;
