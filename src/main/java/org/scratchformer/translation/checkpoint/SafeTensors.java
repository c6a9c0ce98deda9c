package org.scratchformer.translation.checkpoint;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.NonFiniteException;
import org.scratchformer.nn.Module;
import org.scratchformer.nn.Parameter;

/**
 * Weights in the safetensors format, the one Hugging Face models ship in:
 *
 * <pre>
 * 8 bytes      N, the header's length, unsigned little-endian
 * N bytes      the header, JSON (UTF-8), padded with spaces to a multiple
 *              of 8 so that the data is aligned:
 *              {"__metadata__": {"step": "1200"},
 *               "encoder.layers.0.attention.wq":
 *                   {"dtype": "F64", "shape": [128, 128],
 *                    "data_offsets": [0, 131072]}, ...}
 * the rest     the data: each tensor's numbers, row by row, as
 *              little-endian IEEE 754 doubles, at its data_offsets
 *              [begin, end) counted from the start of the data
 * </pre>
 *
 * <p>Tensor names are the dotted parameter paths of
 * {@link Module#parameters()} ({@code encoder.layers.0.norm1.gain}), in
 * that order, and every tensor is a matrix: shape [rows, cols], a bias
 * included ({@code [1, C]}). {@code __metadata__} holds strings only.
 *
 * <p>A file is untrusted input. {@link #read} checks every number of the
 * header before it uses it: the header length against the file, each
 * tensor's dtype, shape and byte range, the ranges against each other
 * (no overlap, no gap, nothing left over), and, when given the expected
 * tensors, every name and shape. Each problem is a
 * {@link BadFileException} naming the file and the tensor.
 */
public final class SafeTensors {
    /** The only dtype written and read: IEEE 754 double. */
    public static final String DTYPE = "F64";
    /** The header key of the string-to-string metadata. */
    public static final String METADATA = "__metadata__";
    /** A longer header is refused (the reference implementation's limit). */
    static final long MAX_HEADER_BYTES = 100L << 20;

    private SafeTensors() {
    }

    /** What a file holds: the tensors in header order, and the metadata. */
    public record Contents(Map<String, DMatrixRMaj> tensors,
            Map<String, String> metadata) {
        public Contents {
            tensors = Collections.unmodifiableMap(
                    new LinkedHashMap<>(tensors));
            metadata = Collections.unmodifiableMap(
                    new LinkedHashMap<>(metadata));
        }
    }

    /** A module's parameter values by name: what a checkpoint stores. */
    public static Map<String, DMatrixRMaj> weights(Module module) {
        Map<String, DMatrixRMaj> weights = new LinkedHashMap<>();
        module.parameters().forEach((name, p) -> weights.put(name,
                p.value()));
        return weights;
    }

    // tag::write[]
    /** Writes the tensors and metadata to {@code file}, atomically. */
    public static void write(Path file, Map<String, DMatrixRMaj> tensors,
            Map<String, String> metadata) throws IOException {
        byte[] header = header(tensors, metadata);
        AtomicFiles.write(file, out -> {
            ByteBuffer length = ByteBuffer.allocate(8)
                    .order(ByteOrder.LITTLE_ENDIAN);
            out.write(length.putLong(header.length).array());
            out.write(header);
            for (DMatrixRMaj m : tensors.values()) {
                writeDoubles(out, m);  // row-major: m.data's own order
            }
        });
    }
    // end::write[]

    /** The header JSON, padded with spaces to a multiple of 8 bytes. */
    static byte[] header(Map<String, DMatrixRMaj> tensors,
            Map<String, String> metadata) {
        JsonMapper mapper = new JsonMapper();
        ObjectNode root = mapper.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = root.putObject(METADATA);
            metadata.forEach((key, value) -> meta.put(
                    requireNonNull(key, "a metadata key"),
                    requireNonNull(value, "the metadata value of " + key)));
        }
        long begin = 0;
        for (Map.Entry<String, DMatrixRMaj> e : tensors.entrySet()) {
            String name = requireNonNull(e.getKey(), "a tensor name");
            if (name.isEmpty() || name.equals(METADATA)) {
                throw new IllegalArgumentException("safetensors: '" + name
                        + "' cannot name a tensor");
            }
            DMatrixRMaj m = e.getValue();
            long end = begin + 8L * m.getNumElements();
            ObjectNode entry = root.putObject(name);
            entry.put("dtype", DTYPE);
            entry.putArray("shape").add(m.numRows).add(m.numCols);
            entry.putArray("data_offsets").add(begin).add(end);
            begin = end;
        }
        byte[] json = root.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] header = Arrays.copyOf(json, padded);
        Arrays.fill(header, json.length, padded, (byte) ' ');
        return header;
    }

    private static void writeDoubles(OutputStream out, DMatrixRMaj m)
            throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16)
                .order(ByteOrder.LITTLE_ENDIAN);
        int count = m.getNumElements();
        for (int i = 0; i < count; i++) {
            if (!chunk.hasRemaining()) {
                out.write(chunk.array(), 0, chunk.position());
                chunk.clear();
            }
            chunk.putDouble(m.data[i]);
        }
        out.write(chunk.array(), 0, chunk.position());
    }

    private static String requireNonNull(String s, String what) {
        if (s == null) {
            throw new IllegalArgumentException("safetensors: " + what
                    + " is null");
        }
        return s;
    }

    /** Reads every tensor of a file, whatever their names and shapes. */
    public static Contents read(Path file) throws IOException {
        return SafeTensorsReader.read(file, null);
    }

    /**
     * Reads a file that must hold exactly the tensors of {@code expected},
     * with their shapes (their values are not used): a missing, unexpected
     * or misshapen tensor is an error naming it.
     */
    public static Contents read(Path file, Map<String, DMatrixRMaj> expected)
            throws IOException {
        return SafeTensorsReader.read(file, expected);
    }

    /**
     * The metadata of a file, after every check of its header (the tensors'
     * entries and their layout); the numbers are not read.
     */
    public static Map<String, String> metadata(Path file) throws IOException {
        return SafeTensorsReader.metadata(file);
    }

    // tag::load-into[]
    /**
     * Reads {@code file} and copies each tensor into the module's parameter
     * of that name; returns the metadata. Nothing changes unless the whole
     * file is valid for this module, every number finite.
     */
    public static Map<String, String> loadInto(Path file, Module module)
            throws IOException {
        Map<String, Parameter> parameters = module.parameters();
        Contents contents = read(file, weights(module));
        requireFinite(file, contents.tensors());
        contents.tensors().forEach((name, value) ->
                parameters.get(name).value().setTo(value));
        return contents.metadata();
    }
    // end::load-into[]

    /**
     * Refuses NaN and infinities, which no trained weight or optimizer
     * state holds: names the first tensor that has one, and where.
     */
    public static void requireFinite(Path file,
            Map<String, DMatrixRMaj> tensors) throws BadFileException {
        for (Map.Entry<String, DMatrixRMaj> e : tensors.entrySet()) {
            DMatrixRMaj m = e.getValue();
            int i = NonFiniteException.firstIndex(m);
            if (i >= 0) {
                throw new BadFileException(file, "safetensors file " + file
                        + ": tensor '" + e.getKey() + "' holds " + m.data[i]
                        + " at row " + i / m.numCols + ", column "
                        + i % m.numCols + "; weights and optimizer state"
                        + " must be finite numbers");
            }
        }
    }

    /** A shape as the format writes it: {@code [2, 3]}. */
    static String shape(long rows, long cols) {
        return "[" + rows + ", " + cols + "]";
    }
}
