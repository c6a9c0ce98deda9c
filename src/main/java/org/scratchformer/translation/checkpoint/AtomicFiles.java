package org.scratchformer.translation.checkpoint;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * Writes a file so that a reader, or a run killed halfway, sees either the
 * old file or the whole new one, never half of it: write a temporary file
 * in the same directory, force it to disk, then rename it over the target
 * in one atomic step.
 */
public final class AtomicFiles {
    private static final Pattern TEMPORARY =
            Pattern.compile("\\..+\\.\\d+\\.\\d+\\.tmp");

    private AtomicFiles() {
    }

    /** What writes the file's bytes. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    // tag::write[]
    /** Writes {@code file} atomically with what {@code body} writes. */
    public static void write(Path file, Body body) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        // same directory: a rename across file systems is not atomic.
        // (Not Files.createTempFile: its owner-only permissions would pass
        // on to the file.)
        Path temporary = dir.resolve("." + target.getFileName() + "."
                + ProcessHandle.current().pid() + "." + System.nanoTime()
                + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(
                        Channels.newOutputStream(channel), 1 << 16);
                body.writeTo(out);
                out.flush();
                channel.force(true);  // on disk before the rename
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + file + " atomically:"
                    + " its file system has no atomic rename", e);
        } finally {
            Files.deleteIfExists(temporary);  // only left after a failure
        }
    }
    // end::write[]

    /**
     * Whether {@code name} is one of {@link #write}'s temporary files, as a
     * process killed while writing leaves it.
     */
    public static boolean isTemporary(String name) {
        return TEMPORARY.matcher(name).matches();
    }
}
