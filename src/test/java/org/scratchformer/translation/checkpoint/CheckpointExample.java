package org.scratchformer.translation.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchformer.book.Listings;
import org.scratchformer.nn.Embedding;
import org.scratchformer.nn.LayerNorm;
import org.scratchformer.nn.Linear;
import org.scratchformer.nn.Sequential;

/**
 * The listings of chapter 11 about checkpoints: the header of a small
 * model's safetensors file ({@code translation-safetensors}) and what the
 * reader says about a damaged one ({@code translation-safetensors-error}).
 */
class CheckpointExample {
    @TempDir
    Path dir;

    @Test
    void header() throws IOException {
        Random random = new Random(11);
        Sequential model = new Sequential(new Embedding(10, 4, random),
                new LayerNorm(4), new Linear(4, 10, random));
        Path file = dir.resolve("model.safetensors");
        // tag::save[]
        SafeTensors.write(file, SafeTensors.weights(model),
                Map.of("step", "1200"));
        // end::save[]
        byte[] bytes = Files.readAllBytes(file);
        long length = ByteBuffer.wrap(bytes, 0, 8)
                .order(ByteOrder.LITTLE_ENDIAN).getLong();
        String header = new String(bytes, 8, (int) length,
                StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "bytes 0-7:   header length %d, little-endian: %s%n",
                length, hex(bytes, 0, 8)));
        text.append(String.format(Locale.ROOT, "bytes 8-%d: the header,"
                + " padded with spaces to a multiple of 8:%n", 7 + length));
        // one entry a line, for reading; the file has it on one line
        text.append(header.strip().replace("},\"", "},\n  \"")
                .replace("{\"__", "{\n  \"__")).append('\n');
        text.append(String.format(Locale.ROOT, "bytes %d-%d: %d doubles,"
                + " little-endian; the first: %s = %s%n", 8 + length,
                bytes.length - 1, (bytes.length - 8 - length) / 8,
                hex(bytes, 8 + (int) length, 8), model.parameters()
                .get("0.weight").value().get(0, 0)));
        Listings.write("translation-safetensors", text.toString());
        // tag::load[]
        Map<String, String> metadata = SafeTensors.loadInto(file, model);
        // end::load[]
        assertEquals("1200", metadata.get("step"));
    }

    static String hex(byte[] bytes, int from, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            text.append(String.format(Locale.ROOT, i == from ? "%02x"
                    : " %02x", bytes[i]));
        }
        return text.toString();
    }

    @Test
    void aDamagedFile() throws IOException {
        Random random = new Random(11);
        Sequential model = new Sequential(new Linear(4, 3, random));
        Path file = dir.resolve("model.safetensors");
        SafeTensors.write(file, SafeTensors.weights(model), Map.of());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 8));  // cut
        String message = "";
        try {
            SafeTensors.loadInto(file, model);
        } catch (BadFileException e) {
            message = e.getMessage().replace(dir.toString(), "run");
        }
        Listings.write("translation-safetensors-error", message + "\n");
        assertEquals("safetensors file run/model.safetensors: tensor"
                + " '0.bias' has data_offsets [96,120], past the end of the"
                + " data (112 bytes)", message.replace('\\', '/'));
    }
}
