/**
 * Chapter 11's run folders ({@code chapters/ch11-translator.adoc}): the
 * safetensors format, {@code run.json} with the SHA-256 of each file, both
 * read as untrusted input ({@link BadFileException} names the file at
 * fault), and files written atomically. Uses {@code nn} (chapter 6) for
 * the dotted parameter names that checkpoints store.
 */
@Chapter(number = 11, title = "Training a translator")
package org.scratchformer.translation.checkpoint;

import org.scratchformer.book.Chapter;
