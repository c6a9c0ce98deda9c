package org.scratchformer.translation.checkpoint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads a safetensors file as untrusted input ({@link SafeTensors} has the
 * format). Every number is checked before it sizes an allocation or a read:
 * nothing is allocated beyond what the file itself holds. Every problem is
 * a {@link BadFileException} naming the file.
 */
final class SafeTensorsReader {
    private static final Set<String> FIELDS = Set.of("dtype", "shape",
            "data_offsets");

    /** One header entry, checked on its own. */
    private record Entry(String name, int rows, int cols, long begin,
            long end) {
    }

    /** The most numbers a Java array, and so a matrix, can hold. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private final Path file;
    private final FileChannel channel;

    private SafeTensorsReader(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    static SafeTensors.Contents read(Path file,
            Map<String, DMatrixRMaj> expected) throws IOException {
        return read(file, expected, true);
    }

    /** The metadata, after every check of the header and the layout. */
    static Map<String, String> metadata(Path file) throws IOException {
        return read(file, null, false).metadata();
    }

    private static SafeTensors.Contents read(Path file,
            Map<String, DMatrixRMaj> expected, boolean withData)
            throws IOException {
        // a pipe or a device would block or never end: files only
        if (!Files.isRegularFile(file)) {
            throw new BadFileException(file, "safetensors file " + file
                    + ": " + (Files.exists(file, java.nio.file.LinkOption
                    .NOFOLLOW_LINKS) ? "it is not a regular"
                    + " file" : "it is missing"));
        }
        try (FileChannel channel = FileChannel.open(file,
                StandardOpenOption.READ)) {
            return new SafeTensorsReader(file, channel).read(expected,
                    withData);
        } catch (BadFileException e) {
            throw e;
        } catch (IOException e) {
            throw new BadFileException(file, "safetensors file " + file
                    + ": it cannot be read (" + e + ")");
        }
    }

    // tag::read[]
    private SafeTensors.Contents read(Map<String, DMatrixRMaj> expected,
            boolean withData) throws IOException {
        long headerLength = headerLength();
        JsonNode header = parse(headerLength);
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields();
                it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals(SafeTensors.METADATA)) {
                metadata = metadata(field.getValue());
            } else {
                entries.add(entry(field.getKey(), field.getValue()));
            }
        }
        long dataLength = channel.size() - 8 - headerLength;
        checkLayout(entries, dataLength);
        if (expected != null) {
            checkExpected(entries, expected);
        }
        Map<String, DMatrixRMaj> tensors = new LinkedHashMap<>();
        for (Entry e : withData ? entries : List.<Entry>of()) {
            tensors.put(e.name(), data(e, 8 + headerLength));
        }
        return new SafeTensors.Contents(tensors, metadata);
    }
    // end::read[]

    private BadFileException invalid(String why) {
        return new BadFileException(file, "safetensors file " + file
                + ": " + why);
    }

    /** N, checked against the file's size and the limit. */
    private long headerLength() throws IOException {
        long size = channel.size();
        if (size < 8) {
            throw invalid("it has " + size + " bytes, too few for the"
                    + " 8-byte header length");
        }
        ByteBuffer bytes = readFully(0, 8);
        long n = bytes.order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (Long.compareUnsigned(n, size - 8) > 0) {
            throw invalid("the header length " + Long.toUnsignedString(n)
                    + " is past the end of the file (" + size + " bytes)");
        }
        if (n > SafeTensors.MAX_HEADER_BYTES) {
            throw invalid("the header length " + n + " is more than the "
                    + SafeTensors.MAX_HEADER_BYTES + " bytes allowed");
        }
        return n;
    }

    private JsonNode parse(long headerLength) throws IOException {
        byte[] bytes = readFully(8, (int) headerLength).array();
        JsonMapper mapper = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        JsonNode header;
        try {
            header = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw invalid("the header is not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {  // bytes of no Unicode encoding
            throw invalid("the header is not valid JSON: " + e.getMessage());
        }
        if (header == null || !header.isObject()) {
            throw invalid("the header must be a JSON object of tensors");
        }
        return header;
    }

    private Map<String, String> metadata(JsonNode node)
            throws BadFileException {
        if (!node.isObject()) {
            throw invalid(SafeTensors.METADATA + " must be an object of"
                    + " strings");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getValue().isTextual()) {
                throw invalid(SafeTensors.METADATA + " '" + f.getKey()
                        + "' is " + f.getValue() + "; values must be"
                        + " strings");
            }
            metadata.put(f.getKey(), f.getValue().textValue());
        }
        return metadata;
    }

    /** One tensor's entry: its fields, dtype, shape and byte count. */
    private Entry entry(String name, JsonNode node)
            throws BadFileException {
        String where = "tensor '" + name + "'";
        if (name.isEmpty()) {
            throw invalid("a tensor has an empty name");
        }
        if (!node.isObject() || node.size() != FIELDS.size()
                || !FIELDS.stream().allMatch(node::has)) {
            throw invalid(where + " must have exactly the fields dtype,"
                    + " shape and data_offsets, got " + node);
        }
        String dtype = node.get("dtype").asText();
        if (!node.get("dtype").isTextual()
                || !dtype.equals(SafeTensors.DTYPE)) {
            throw invalid(where + " has dtype " + node.get("dtype")
                    + "; this reader reads " + SafeTensors.DTYPE
                    + " (double) only");
        }
        long[] shape = numbers(node.get("shape"), where, "shape");
        long[] offsets = numbers(node.get("data_offsets"), where,
                "data_offsets");
        if (shape.length != 2) {
            throw invalid(where + " has shape " + node.get("shape")
                    + "; this reader reads matrices, shape [rows, cols]");
        }
        if (offsets.length != 2 || offsets[0] > offsets[1]) {
            throw invalid(where + " has data_offsets "
                    + node.get("data_offsets") + "; they must be [begin,"
                    + " end] with begin ≤ end");
        }
        if (shape[0] > Integer.MAX_VALUE || shape[1] > Integer.MAX_VALUE
                || shape[0] * shape[1] > MAX_ELEMENTS) {  // < 2^62: exact
            throw invalid(where + " has shape " + node.get("shape")
                    + ", more numbers than one matrix holds ("
                    + MAX_ELEMENTS + ")");
        }
        long bytes = offsets[1] - offsets[0];
        long needed = 8 * shape[0] * shape[1];
        if (bytes != needed) {
            throw invalid(where + " has shape " + node.get("shape")
                    + ", which needs " + needed + " bytes of F64, but its"
                    + " data_offsets " + node.get("data_offsets") + " hold "
                    + bytes);
        }
        return new Entry(name, (int) shape[0], (int) shape[1], offsets[0],
                offsets[1]);
    }

    /** A JSON list of whole numbers from 0 to 2^53 (exact in JSON). */
    private long[] numbers(JsonNode list, String where, String field)
            throws BadFileException {
        long[] numbers = new long[list.isArray() ? list.size() : 0];
        boolean ok = list.isArray();
        for (int i = 0; ok && i < numbers.length; i++) {
            JsonNode n = list.get(i);
            ok = n.isIntegralNumber() && n.canConvertToLong()
                    && n.longValue() >= 0 && n.longValue() <= 1L << 53;
            numbers[i] = ok ? n.longValue() : 0;
        }
        if (!ok) {
            throw invalid(where + " has " + field + " " + list + "; it must"
                    + " be a list of whole numbers from 0");
        }
        return numbers;
    }

    // tag::layout[]
    /** Sorted by offset, the ranges must tile the data exactly. */
    private void checkLayout(List<Entry> entries, long dataLength)
            throws BadFileException {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin)
                .thenComparingLong(Entry::end));
        long position = 0;        // where the next tensor must begin
        String previous = null;   // the tensor that ends there
        for (Entry e : sorted) {
            if (e.end() > dataLength) {
                throw invalid("tensor '" + e.name() + "' has data_offsets ["
                        + e.begin() + "," + e.end() + "], past the end of"
                        + " the data (" + dataLength + " bytes)");
            }
            if (e.begin() < position) {
                throw invalid("tensors '" + previous + "' and '" + e.name()
                        + "' overlap: '" + previous + "' ends at byte "
                        + position + " of the data, '" + e.name()
                        + "' begins at " + e.begin());
            }
            if (e.begin() > position) {
                throw invalid("bytes " + position + " to " + e.begin()
                        + " of the data belong to no tensor (a gap "
                        + (previous == null ? "at the start" : "after '"
                        + previous + "'") + ", before '" + e.name() + "')");
            }
            position = e.end();
            previous = e.name();
        }
        if (position != dataLength) {
            throw invalid("the last " + (dataLength - position) + " bytes"
                    + " of the data belong to no tensor"
                    + (previous == null ? "" : " (after '" + previous
                    + "')"));
        }
    }
    // end::layout[]

    /** The file must hold exactly the expected names, with their shapes. */
    private void checkExpected(List<Entry> entries,
            Map<String, DMatrixRMaj> expected) throws BadFileException {
        Set<String> found = new HashSet<>();
        for (Entry e : entries) {
            DMatrixRMaj like = expected.get(e.name());
            if (like == null) {
                throw invalid("tensor '" + e.name() + "' is not expected;"
                        + " the expected tensors are "
                        + String.join(", ", expected.keySet()));
            }
            if (like.numRows != e.rows() || like.numCols != e.cols()) {
                throw invalid("tensor '" + e.name() + "' has shape "
                        + SafeTensors.shape(e.rows(), e.cols())
                        + ", expected " + SafeTensors.shape(like.numRows,
                        like.numCols));
            }
            found.add(e.name());
        }
        for (String name : expected.keySet()) {
            if (!found.contains(name)) {
                DMatrixRMaj like = expected.get(name);
                throw invalid("tensor '" + name + "' (shape " + SafeTensors
                        .shape(like.numRows, like.numCols) + ") is"
                        + " missing");
            }
        }
    }

    /** A tensor's numbers, read in chunks straight into its matrix. */
    private DMatrixRMaj data(Entry e, long dataStart) throws IOException {
        DMatrixRMaj m = new DMatrixRMaj(e.rows(), e.cols());
        int count = m.getNumElements();
        // 64 KiB at a time, less for a small tensor
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(1 << 16,
                8L * count)).order(ByteOrder.LITTLE_ENDIAN);
        long position = dataStart + e.begin();
        int done = 0;
        while (done < count) {
            int n = Math.min(count - done, chunk.capacity() / 8);
            chunk.clear().limit(8 * n);
            readInto(chunk, position);
            chunk.flip();
            for (int i = 0; i < n; i++) {
                m.data[done + i] = chunk.getDouble();
            }
            done += n;
            position += 8L * n;
        }
        return m;
    }

    private ByteBuffer readFully(long position, int length)
            throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(length);
        readInto(bytes, position);
        bytes.flip();
        return bytes;
    }

    /** Fills the buffer's remaining space from {@code position}. */
    private void readInto(ByteBuffer bytes, long position)
            throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            int n = channel.read(bytes, at);
            if (n < 0) {
                throw invalid("it ended at byte " + at + " while being"
                        + " read; was it changed meanwhile?");
            }
            at += n;
        }
    }
}
