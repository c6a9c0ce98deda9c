/**
 * The command-line program ({@code gradcheck}, and later {@code train},
 * {@code translate}, {@code bench}). Belongs to no chapter and may use all.
 */
package org.scratchformer.cli;
