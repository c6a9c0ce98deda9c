package org.scratchformer.translation.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A run folder held in memory, to be damaged and written out: each file's
 * bytes by name, or a file of another kind in its place (a folder, a
 * symbolic link, a named pipe).
 */
final class Folder {
    /** What stands at a name when it is not a plain file. */
    sealed interface Special permits Directory, Link, Pipe {
    }

    record Directory() implements Special {
    }

    /** A symbolic link to {@code target} (absolute, or a name beside it). */
    record Link(String target) implements Special {
    }

    record Pipe() implements Special {
    }

    final Map<String, byte[]> files = new TreeMap<>();
    final Map<String, Special> specials = new TreeMap<>();

    /** The folder {@code dir} as it is on disk: plain files only. */
    static Folder read(Path dir) throws IOException {
        Folder folder = new Folder();
        try (Stream<Path> paths = Files.list(dir)) {
            for (Path p : paths.toList()) {
                folder.files.put(p.getFileName().toString(),
                        Files.readAllBytes(p));
            }
        }
        return folder;
    }

    Folder copy() {
        Folder copy = new Folder();
        files.forEach((name, bytes) -> copy.files.put(name, bytes.clone()));
        copy.specials.putAll(specials);
        return copy;
    }

    byte[] get(String name) {
        return files.get(name);
    }

    /** Puts a file; no bytes (a file taken from where there is none)
     * leaves no file. */
    void put(String name, byte[] bytes) {
        specials.remove(name);
        if (bytes == null) {
            files.remove(name);
        } else {
            files.put(name, bytes);
        }
    }

    void put(String name, Special special) {
        files.remove(name);
        specials.put(name, special);
    }

    void remove(String name) {
        files.remove(name);
        specials.remove(name);
    }

    /** Empties {@code dir} and writes this folder into it. */
    void writeTo(Path dir) throws IOException {
        clear(dir);
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
        for (Map.Entry<String, Special> e : specials.entrySet()) {
            Path at = dir.resolve(e.getKey());
            if (e.getValue() instanceof Directory) {
                Files.createDirectory(at);
            } else if (e.getValue() instanceof Link link) {
                Files.createSymbolicLink(at, Path.of(link.target()));
            } else {
                makePipe(at);
            }
        }
    }

    /** Whether the plain files on disk are still exactly these. */
    boolean sameAs(Path dir) throws IOException {
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path file = dir.resolve(e.getKey());
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || !Arrays.equals(e.getValue(),
                    Files.readAllBytes(file))) {
                return false;
            }
        }
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.count() == files.size() + specials.size();
        }
    }

    private static void makePipe(Path at) throws IOException {
        try {
            int code = new ProcessBuilder("mkfifo", at.toString())
                    .inheritIO().start().waitFor();
            if (code != 0) {
                throw new IOException("mkfifo " + at + " exited " + code);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("mkfifo interrupted", e);
        }
    }

    static void clear(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
