/**
 * Chapter 13's measurements ({@code chapters/ch13-fast.adoc}): the
 * workloads that the {@code bench} command and the JMH benchmarks time
 * (chapter 13's step without attention, and the reference Transformer,
 * which uses {@code translation}, chapter 11), the timer, and the
 * machine's peak. Uses {@code fast} for the path it measures.
 */
@Chapter(number = 13, title = "Making it fast")
package org.scratchformer.bench;

import org.scratchformer.book.Chapter;
