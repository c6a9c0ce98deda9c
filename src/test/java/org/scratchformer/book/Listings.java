package org.scratchformer.book;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code *Example} tests write the output the book shows:
 * {@code target/listings/NAME.txt}, included by the chapters as
 * {@code include::{listingsdir}/NAME.txt[]}.
 */
public final class Listings {
    /** The folder, relative to the project root where Maven runs tests. */
    public static final Path DIR = Path.of("target", "listings");

    private Listings() {
    }

    /** Writes {@code text} as listing {@code name} and returns the text. */
    public static String write(String name, String text) {
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve(name + ".txt"), text,
                    StandardCharsets.UTF_8);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write listing " + name, e);
        }
    }
}
