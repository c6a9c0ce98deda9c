/**
 * Chapter 13, making it fast ({@code chapters/ch13-fast.adoc}): the faster
 * versions that plug in at the seams of chapters 3 to 11, installed by
 * {@link org.scratchformer.fast.FastPath}. The Vector API kernel, products
 * split over threads ({@code tensor.GemmKernel}), kept gradients
 * ({@code tensor.GradientAccumulator}), ReLU's gradient as a blend
 * ({@code nn.ReluGradient}), dropout's generator ({@code java.util.Random}),
 * the parameter loop on threads ({@code optim.ParameterLoop}) and
 * micro-batches ({@code translation.Trainer.Strategy}). The benchmarks that
 * measure them are in {@code bench}.
 */
@Chapter(number = 13, title = "Making it fast")
package org.scratchformer.fast;

import org.scratchformer.book.Chapter;
