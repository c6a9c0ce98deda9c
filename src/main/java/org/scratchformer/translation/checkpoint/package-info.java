/**
 * Chapter 11's run folders ({@code chapters/ch11-translator.adoc}): the
 * safetensors format, read as untrusted input, {@code run.json}, and
 * files written atomically. Uses {@code nn} (chapter 6) for the dotted
 * parameter names that checkpoints store.
 */
@Chapter(number = 11, title = "Training a translator")
package org.scratchformer.translation.checkpoint;

import org.scratchformer.book.Chapter;
