package org.scratchformer.translation.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchformer.nn.Linear;
import org.scratchformer.nn.Sequential;

class SafeTensorsTest {
    @TempDir
    Path dir;

    Path file() {
        return dir.resolve("model.safetensors");
    }

    static DMatrixRMaj random(int rows, int cols, long seed) {
        return RandomMatrices_DDRM.rectangle(rows, cols, -1, 1,
                new Random(seed));
    }

    @Test
    void roundTripKeepsNamesOrderValuesAndMetadata() throws IOException {
        Map<String, DMatrixRMaj> tensors = new LinkedHashMap<>();
        tensors.put("encoder.weight", random(3, 5, 1));
        tensors.put("encoder.bias", random(1, 5, 2));
        tensors.put("empty", new DMatrixRMaj(0, 4));
        DMatrixRMaj special = new DMatrixRMaj(new double[][] {{
            Double.NaN, Double.POSITIVE_INFINITY, -0.0, Double.MIN_VALUE}});
        tensors.put("special", special);
        Map<String, String> metadata = Map.of("step", "1200");
        SafeTensors.write(file(), tensors, metadata);
        SafeTensors.Contents read = SafeTensors.read(file());
        assertEquals(List.copyOf(tensors.keySet()),
                List.copyOf(read.tensors().keySet()));
        for (String name : tensors.keySet()) {
            DMatrixRMaj expected = tensors.get(name);
            DMatrixRMaj actual = read.tensors().get(name);
            assertEquals(expected.numRows, actual.numRows, name);
            assertEquals(expected.numCols, actual.numCols, name);
            for (int i = 0; i < expected.getNumElements(); i++) {
                assertEquals(Double.doubleToRawLongBits(expected.data[i]),
                        Double.doubleToRawLongBits(actual.data[i]),
                        name + " element " + i + ": bit for bit");
            }
        }
        assertEquals(metadata, read.metadata());
        assertEquals(read.tensors().keySet(), SafeTensors.read(file(),
                tensors).tensors().keySet());
    }

    // tag::byte-layout[]
    @Test
    void theBytesAreTheFormatsLayout() throws IOException {
        SafeTensors.write(file(), Map.of("a", new DMatrixRMaj(
                new double[][] {{1.0, -2.0}})), Map.of("step", "3"));
        String header = "{\"__metadata__\":{\"step\":\"3\"},\"a\":{\"dtype\":"
                + "\"F64\",\"shape\":[1,2],\"data_offsets\":[0,16]}}   ";
        assertEquals(88, header.length());  // 85 + 3 spaces: 8-aligned
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(new byte[] {88, 0, 0, 0, 0, 0, 0, 0});  // u64 LE
        expected.write(header.getBytes(StandardCharsets.UTF_8));
        expected.write(new byte[] {0, 0, 0, 0, 0, 0, (byte) 0xF0, 0x3F});
        expected.write(new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) 0xC0});
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file()));
    }
    // end::byte-layout[]

    /** Writes a file by hand: the length, the header, {@code data} bytes. */
    Path craft(long headerLength, String header, byte[] data)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(headerLength).array());
        bytes.write(header.getBytes(StandardCharsets.UTF_8));
        bytes.write(data);
        Files.write(file(), bytes.toByteArray());
        return file();
    }

    Path craft(String header, int dataBytes) throws IOException {
        return craft(header.getBytes(StandardCharsets.UTF_8).length, header,
                new byte[dataBytes]);
    }

    static byte[] doubles(double... values) {
        ByteBuffer bytes = ByteBuffer.allocate(8 * values.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            bytes.putDouble(v);
        }
        return bytes.array();
    }

    static String entry(String name, String dtype, String shape,
            String offsets) {
        return "\"" + name + "\": {\"dtype\": \"" + dtype + "\", \"shape\": "
                + shape + ", \"data_offsets\": " + offsets + "}";
    }

    @Test
    void readsAHandWrittenFileWithItsOwnOrderAndNoPadding()
            throws IOException {
        // b's bytes come first; the header lists a first; no padding
        String header = "{" + entry("a", "F64", "[1, 1]", "[16, 24]") + ", "
                + entry("b", "F64", "[2, 1]", "[0, 16]") + "}";
        Path f = craft(header.length(), header, doubles(2, 3, 1));
        SafeTensors.Contents read = SafeTensors.read(f);
        assertEquals(List.of("a", "b"), List.copyOf(read.tensors()
                .keySet()));
        assertEquals(1.0, read.tensors().get("a").get(0, 0));
        assertEquals(3.0, read.tensors().get("b").get(1, 0));
        assertEquals(Map.of(), read.metadata());
    }

    String fails(Path f) {
        return fails(f, null);
    }

    String fails(Path f, Map<String, DMatrixRMaj> expected) {
        BadFileException e = assertThrows(
                BadFileException.class, () -> {
                    if (expected == null) {
                        SafeTensors.read(f);
                    } else {
                        SafeTensors.read(f, expected);
                    }
                });
        String prefix = "safetensors file " + f + ": ";
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        return e.getMessage().substring(prefix.length());
    }

    @Test
    void aTooShortFileOrHeaderLength() throws IOException {
        Files.write(file(), new byte[5]);
        assertEquals("it has 5 bytes, too few for the 8-byte header length",
                fails(file()));
        assertEquals("the header length 1000 is past the end of the file"
                + " (10 bytes)", fails(craft(1000, "{}", new byte[0])));
        assertEquals("the header length 18446744073709551615 is past the"
                + " end of the file (10 bytes)",
                fails(craft(-1, "{}", new byte[0])));
    }

    @Test
    void anAbsurdHeaderLengthIsRefusedBeforeAllocating() throws IOException {
        long length = SafeTensors.MAX_HEADER_BYTES + 1;
        craft(length, "{", new byte[0]);
        try (RandomAccessFile raf = new RandomAccessFile(file().toFile(),
                "rw")) {
            raf.setLength(8 + length + 10);  // sparse: costs no disk
        }
        assertEquals("the header length 104857601 is more than the"
                + " 104857600 bytes allowed", fails(file()));
    }

    @Test
    void aMatrixOfManyChunksRoundTrips() throws IOException {
        // 20,000 numbers: 160,000 bytes, read and written in 64 KiB chunks
        Map<String, DMatrixRMaj> tensors = new LinkedHashMap<>();
        tensors.put("big", random(200, 100, 1));
        tensors.put("after", random(3, 3, 2));
        SafeTensors.write(file(), tensors, Map.of());
        Map<String, DMatrixRMaj> read = SafeTensors.read(file()).tensors();
        for (String name : tensors.keySet()) {
            assertArrayEquals(tensors.get(name).data, read.get(name).data,
                    name);
        }
    }

    @Test
    void theHeaderMayEndTheFileButNotPassItsEnd() throws IOException {
        assertEquals(Map.of(), SafeTensors.read(craft(2, "{}", new byte[0]))
                .tensors());
        assertEquals("the header length 3 is past the end of the file"
                + " (10 bytes)", fails(craft(3, "{}", new byte[0])));
    }

    @Test
    void aHeaderOfExactlyTheLimitIsRead() throws IOException {
        long length = SafeTensors.MAX_HEADER_BYTES;
        craft(length, "", new byte[0]);
        try (RandomAccessFile raf = new RandomAccessFile(file().toFile(),
                "rw")) {
            raf.setLength(8 + length);  // sparse: zero bytes, not JSON
        }
        assertTrue(fails(file()).startsWith("the header is not valid JSON"));
    }

    @Test
    void shapesAndOffsetsAtTheirLimits() throws IOException {
        // a dimension may be 2^31 − 1 when the matrix holds no numbers
        for (String shape : List.of("[2147483647, 0]", "[0, 2147483647]")) {
            DMatrixRMaj empty = SafeTensors.read(craft("{" + entry("w",
                    "F64", shape, "[0, 0]") + "}", 0)).tensors().get("w");
            assertEquals(0, empty.getNumElements(), shape);
        }
        // exactly MAX_ELEMENTS numbers are allowed: then the bytes count
        assertEquals("tensor 'w' has shape [2147483639,1], which needs"
                + " 17179869112 bytes of F64, but its data_offsets [0,8]"
                + " hold 8", fails(craft("{" + entry("w", "F64",
                "[2147483639, 1]", "[0, 8]") + "}", 8)));
        // numbers up to 2^53 are exact in JSON and allowed
        assertEquals("tensor 'w' has data_offsets [9007199254740992,"
                + "9007199254740992], past the end of the data (0 bytes)",
                fails(craft("{" + entry("w", "F64", "[0, 0]",
                "[9007199254740992, 9007199254740992]") + "}", 0)));
        assertEquals("tensor 'w' has data_offsets [0,9007199254740993]; it"
                + " must be a list of whole numbers from 0", fails(craft("{"
                + entry("w", "F64", "[0, 0]", "[0, 9007199254740993]")
                + "}", 0)));
    }

    @Test
    void aHeaderThatIsNotTheRightJson() throws IOException {
        assertTrue(fails(craft("{\"a\": ", 0)).startsWith(
                "the header is not valid JSON: "));
        assertEquals("the header must be a JSON object of tensors",
                fails(craft("[1, 2]", 0)));
        assertEquals("the header must be a JSON object of tensors",
                fails(craft("", 0)));
        assertEquals("the header must be a JSON object of tensors",
                fails(craft("null", 0)));
        assertTrue(fails(craft(4, "{}\u00ff\u00fe", new byte[0]))
                .startsWith("the header is not valid JSON: "));
        assertTrue(fails(craft("{} {}", 0)).startsWith(
                "the header is not valid JSON: Trailing token"));
        String twice = "{" + entry("a", "F64", "[0, 0]", "[0, 0]") + ", "
                + entry("a", "F64", "[0, 0]", "[0, 0]") + "}";
        assertTrue(fails(craft(twice, 0)).contains("Duplicate field 'a'"));
        assertEquals("__metadata__ must be an object of strings",
                fails(craft("{\"__metadata__\": [1]}", 0)));
        assertEquals("__metadata__ 'step' is 3; values must be strings",
                fails(craft("{\"__metadata__\": {\"step\": 3}}", 0)));
    }

    @Test
    void anEntryWithBadFields() throws IOException {
        assertEquals("tensor 'w' must have exactly the fields dtype, shape"
                + " and data_offsets, got {\"dtype\":\"F64\"}",
                fails(craft("{\"w\": {\"dtype\": \"F64\"}}", 0)));
        assertTrue(fails(craft("{\"w\": {\"dtype\": \"F64\", \"shape\": [1,"
                + " 1], \"data_offsets\": [0, 8], \"extra\": 1}}", 8))
                .startsWith("tensor 'w' must have exactly the fields"));
        assertEquals("tensor 'w' must have exactly the fields dtype, shape"
                + " and data_offsets, got 7",
                fails(craft("{\"w\": 7}", 0)));
        assertEquals("a tensor has an empty name",
                fails(craft("{" + entry("", "F64", "[1, 1]", "[0, 8]")
                        + "}", 8)));
    }

    @Test
    void aWrongDtypeOrShape() throws IOException {
        assertEquals("tensor 'w' has dtype \"F32\"; this reader reads F64"
                + " (double) only", fails(craft("{" + entry("w", "F32",
                "[1, 2]", "[0, 8]") + "}", 8)));
        assertEquals("tensor 'w' has shape [2]; this reader reads matrices,"
                + " shape [rows, cols]", fails(craft("{" + entry("w", "F64",
                "[2]", "[0, 16]") + "}", 16)));
        assertEquals("tensor 'w' has shape [2,-1]; it must be a list of"
                + " whole numbers from 0", fails(craft("{" + entry("w",
                "F64", "[2, -1]", "[0, 16]") + "}", 16)));
        assertEquals("tensor 'w' has shape [1.5,2]; it must be a list of"
                + " whole numbers from 0", fails(craft("{" + entry("w",
                "F64", "[1.5, 2]", "[0, 16]") + "}", 16)));
        assertEquals("tensor 'w' has shape [2,3], which needs 48 bytes of"
                + " F64, but its data_offsets [0,40] hold 40",
                fails(craft("{" + entry("w", "F64", "[2, 3]", "[0, 40]")
                        + "}", 40)));
        assertEquals("tensor 'w' has shape [3000000000,1], more numbers than"
                + " one matrix holds (2147483639)", fails(craft("{"
                + entry("w", "F64", "[3000000000, 1]", "[0, 8]") + "}", 8)));
        assertEquals("tensor 'w' has shape [65536,65536], more numbers than"
                + " one matrix holds (2147483639)", fails(craft("{"
                + entry("w", "F64", "[65536, 65536]", "[0, 8]") + "}", 8)));
    }

    @Test
    void offsetsOutOfRangeOverlappingOrLeavingGaps() throws IOException {
        assertEquals("tensor 'w' has data_offsets [8,0]; they must be"
                + " [begin, end] with begin ≤ end", fails(craft("{"
                + entry("w", "F64", "[0, 1]", "[8, 0]") + "}", 8)));
        assertEquals("tensor 'w' has data_offsets [0,16], past the end of"
                + " the data (8 bytes)", fails(craft("{" + entry("w", "F64",
                "[1, 2]", "[0, 16]") + "}", 8)));
        assertEquals("tensors 'a' and 'b' overlap: 'a' ends at byte 16 of"
                + " the data, 'b' begins at 8", fails(craft("{"
                + entry("a", "F64", "[1, 2]", "[0, 16]") + ", "
                + entry("b", "F64", "[1, 2]", "[8, 24]") + "}", 24)));
        assertEquals("bytes 8 to 16 of the data belong to no tensor (a gap"
                + " after 'a', before 'b')", fails(craft("{"
                + entry("a", "F64", "[1, 1]", "[0, 8]") + ", "
                + entry("b", "F64", "[1, 1]", "[16, 24]") + "}", 24)));
        assertEquals("bytes 0 to 8 of the data belong to no tensor (a gap"
                + " at the start, before 'b')", fails(craft("{"
                + entry("b", "F64", "[1, 1]", "[8, 16]") + "}", 16)));
        assertEquals("the last 8 bytes of the data belong to no tensor"
                + " (after 'a')", fails(craft("{" + entry("a", "F64",
                "[1, 1]", "[0, 8]") + "}", 16)));
        assertEquals("tensor 'a' has data_offsets [0,-8]; it must be a list"
                + " of whole numbers from 0", fails(craft("{" + entry("a",
                "F64", "[1, 1]", "[0, -8]") + "}", 8)));
    }

    @Test
    void aMissingUnexpectedOrMisshapenTensorIsNamed() throws IOException {
        Map<String, DMatrixRMaj> tensors = new LinkedHashMap<>();
        tensors.put("w", random(2, 3, 1));
        tensors.put("b", random(1, 3, 2));
        SafeTensors.write(file(), tensors, Map.of());
        Map<String, DMatrixRMaj> more = new LinkedHashMap<>(tensors);
        more.put("gain", new DMatrixRMaj(1, 3));
        assertEquals("tensor 'gain' (shape [1, 3]) is missing",
                fails(file(), more));
        assertEquals("tensor 'b' is not expected; the expected tensors are w",
                fails(file(), Map.of("w", new DMatrixRMaj(2, 3))));
        assertEquals("tensor 'w' has shape [2, 3], expected [3, 2]",
                fails(file(), Map.of("w", new DMatrixRMaj(3, 2), "b",
                        new DMatrixRMaj(1, 3))));
    }

    @Test
    void loadIntoAModuleCopiesEveryParameterOrNone() throws IOException {
        Sequential trained = new Sequential(new Linear(3, 4, new Random(1)),
                new Linear(4, 2, new Random(2)));
        SafeTensors.write(file(), SafeTensors.weights(trained),
                Map.of("step", "7"));
        Sequential fresh = new Sequential(new Linear(3, 4, new Random(3)),
                new Linear(4, 2, new Random(4)));
        assertEquals(Map.of("step", "7"), SafeTensors.loadInto(file(),
                fresh));
        trained.parameters().forEach((name, p) -> assertArrayEquals(
                p.value().data, fresh.parameters().get(name).value().data,
                name));
        assertEquals("[0.weight, 0.bias, 1.weight, 1.bias]",
                fresh.parameters().keySet().toString());

        Sequential other = new Sequential(new Linear(3, 4, new Random(5)),
                new Linear(4, 3, new Random(6)));
        double[] before = other.parameters().get("0.weight").value().data
                .clone();
        BadFileException e = assertThrows(BadFileException.class,
                () -> SafeTensors.loadInto(file(), other));
        assertTrue(e.getMessage().endsWith("tensor '1.weight' has shape"
                + " [4, 2], expected [4, 3]"), e.getMessage());
        assertArrayEquals(before, other.parameters().get("0.weight").value()
                .data, "nothing changes when the file does not fit");
    }

    @Test
    void writingRefusesTheMetadataKeyAsATensorName() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> SafeTensors.write(
                        file(), Map.of("__metadata__", new DMatrixRMaj(1, 1)),
                        Map.of()));
        assertEquals("safetensors: '__metadata__' cannot name a tensor",
                e.getMessage());
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Files.writeString(file(), "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(file(),
                out -> {
                    out.write(1);
                    throw new IOException("disk full");
                }));
        assertEquals("old", Files.readString(file()));
        SafeTensors.write(file(), Map.of("a", random(2, 2, 1)), Map.of());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file()), files.toList());
        }
        assertEquals(4, SafeTensors.read(file()).tensors().get("a")
                .getNumElements());
    }
}
