package org.scratchformer.translation.checkpoint;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that cannot be used for what it should hold: missing, damaged, or
 * not matching the rest of its run folder. The message is one sentence
 * that names the file, what is wrong and what is allowed. It is an
 * {@link IOException} as {@code java.util.zip.ZipException} is: the
 * program is fine, the file is not.
 */
public final class BadFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** {@code message} names the file itself. */
    public BadFileException(Path file, String message) {
        super(message);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
