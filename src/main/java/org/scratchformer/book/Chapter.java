package org.scratchformer.book;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a package as the code of one chapter of the book.
 *
 * <p>{@code ArchitectureTest} reads this annotation: a package may import only
 * packages of its own or of earlier chapters, so the book can be read front
 * to back without forward references.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface Chapter {
    /** The chapter's number, 1 for the first. */
    int number();

    /** The chapter's title as the book prints it. */
    String title();
}
