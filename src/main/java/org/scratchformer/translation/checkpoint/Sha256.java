package org.scratchformer.translation.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SHA-256 digests of files, in hexadecimal: what run.json records for each
 * file of its step. A flipped bit in a weight leaves a valid number that
 * no other check can see; it changes the digest.
 */
final class Sha256 {
    private Sha256() {
    }

    /** The digest of a file's bytes. */
    static String of(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        byte[] chunk = new byte[1 << 13];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                digest.update(chunk, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The digests of {@code names} in {@code dir}, by name, in order. */
    static Map<String, String> of(Path dir, List<String> names)
            throws IOException {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String name : names) {
            digests.put(name, of(dir.resolve(name)));
        }
        return digests;
    }
}
