/**
 * Chapter 11's data ({@code chapters/ch11-translator.adoc}): the toy task
 * (English number words to French ones, and the {@code copy} and
 * {@code reverse} tasks for debugging), its splits, tokens and
 * vocabularies. Uses nothing of the model.
 */
@Chapter(number = 11, title = "Training a translator")
package org.scratchformer.translation.data;

import org.scratchformer.book.Chapter;
