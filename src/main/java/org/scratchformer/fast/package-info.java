/**
 * Chapter 13, making it fast ({@code chapters/ch13-fast.adoc}).
 *
 * <p>Uses {@code tensor} (chapter 3): its {@code VectorKernel} is a
 * {@link org.scratchformer.tensor.GemmKernel} written with the Vector API
 * ({@code jdk.incubator.vector}), which {@code tensor.Products} finds through
 * {@code META-INF/services/org.scratchformer.tensor.GemmKernel} when the
 * module is present. Also holds the benchmark workloads that the
 * {@code bench} command and the JMH benchmarks run: chapter 13's step
 * without attention, and the reference Transformer, which uses
 * {@code translation} (chapter 11).
 */
@Chapter(number = 13, title = "Making it fast")
package org.scratchformer.fast;

import org.scratchformer.book.Chapter;
