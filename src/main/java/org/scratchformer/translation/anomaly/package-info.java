/**
 * Chapter 11's checks of the numbers ({@code chapters/ch11-translator.adoc},
 * "When the numbers go wrong"): training never steps on a NaN or an
 * infinity ({@link org.scratchformer.translation.anomaly.StepCheck}), and
 * anomaly mode ({@link org.scratchformer.translation.anomaly.AnomalyMode})
 * names the op where one first appears, its chapter and its shapes: a walk
 * over the finished forward pass ({@link
 * org.scratchformer.translation.anomaly.ForwardCheck}) and a decorator of
 * the engine's gradient accumulator ({@link
 * org.scratchformer.translation.anomaly.CheckedGradients}). Uses
 * {@code tensor} (chapter 3) and {@code nn} (chapter 6) for the parameters'
 * names; used by {@code translation}'s trainer and by chapter 13's
 * micro-batches.
 */
@Chapter(number = 11, title = "Training a translator")
package org.scratchformer.translation.anomaly;

import org.scratchformer.book.Chapter;
