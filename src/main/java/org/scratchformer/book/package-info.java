/**
 * The {@link org.scratchformer.book.Chapter} annotation that ties each
 * package to the chapter that explains it. Belongs to no chapter.
 */
package org.scratchformer.book;
