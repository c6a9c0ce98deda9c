/**
 * Chapter 12, decoding and evaluation ({@code chapters/ch12-decoding.adoc}).
 *
 * <p>Measures translations: exact match, corpus BLEU written out by hand,
 * and a report of the wrong translations. Uses {@code translation}
 * (chapter 11) for the tokens and how they are written.
 */
@Chapter(number = 12, title = "Decoding and evaluation")
package org.scratchformer.decoding;

import org.scratchformer.book.Chapter;
