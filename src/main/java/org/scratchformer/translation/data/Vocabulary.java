package org.scratchformer.translation.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scratchformer.translation.checkpoint.AtomicFiles;

/**
 * Tokens to ids and back. Ids 0, 1 and 2 are the special tokens
 * {@code <pad>}, {@code <s>} and {@code </s>}; the task's words follow in
 * the task's fixed order, so the same task always gives the same ids.
 *
 * <p>There is no {@code <unk>}: every word of the task is in the
 * vocabulary, and a word that is not (a typo given to the translator) is
 * an error naming it, not a silent "unknown" the model would translate
 * into something.
 */
public final class Vocabulary {
    public static final String PAD = "<pad>";
    public static final String START = "<s>";
    public static final String END = "</s>";
    /** Padding is id 0: a fresh id matrix is all padding. */
    public static final int PAD_ID = 0;
    public static final int START_ID = 1;
    public static final int END_ID = 2;
    /** The first line of the saved file, so a stray JSON is refused. */
    static final String FORMAT = "scratchformer-vocabulary";
    static final int VERSION = 1;
    /** Files above this size are refused before being read. */
    static final long MAX_FILE_BYTES = 1 << 20;

    private final List<String> tokens;
    private final Map<String, Integer> ids = new HashMap<>();

    private Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        for (int id = 0; id < tokens.size(); id++) {
            ids.put(tokens.get(id), id);
        }
    }

    /** The special tokens followed by {@code words}. */
    public static Vocabulary of(List<String> words) {
        List<String> tokens = new ArrayList<>(List.of(PAD, START, END));
        tokens.addAll(words);
        String problem = problem(tokens);
        if (problem != null) {
            throw new IllegalArgumentException("vocabulary: " + problem);
        }
        return new Vocabulary(tokens);
    }

    /** What is wrong with a token list, or null. */
    private static String problem(List<String> tokens) {
        List<String> specials = List.of(PAD, START, END);
        if (tokens.size() < 3 || !tokens.subList(0, 3).equals(specials)) {
            return "the first tokens must be " + specials + ", got "
                    + tokens.subList(0, Math.min(3, tokens.size()));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int id = 0; id < tokens.size(); id++) {
            String token = tokens.get(id);
            if (token == null || token.isEmpty()
                    || !token.strip().equals(token)
                    || token.chars().anyMatch(Character::isWhitespace)) {
                return "token " + id + " is '" + token + "'; a token must"
                        + " be non-empty and contain no white space";
            }
            Integer before = seen.put(token, id);
            if (before != null) {
                return "the token '" + token + "' is both id " + before
                        + " and id " + id;
            }
        }
        return null;
    }

    /** The number of tokens, specials included: V. */
    public int size() {
        return tokens.size();
    }

    /** Every token, by id. */
    public List<String> tokens() {
        return tokens;
    }

    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    /** The token of an id. */
    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IllegalArgumentException("id " + id + " is outside"
                    + " the vocabulary; ids are 0 to " + (size() - 1));
        }
        return tokens.get(id);
    }

    /** The id of a token, specials included. */
    public int id(String token) {
        Integer id = ids.get(token);
        if (id == null) {
            throw new IllegalArgumentException("unknown token '" + token
                    + "'; the known words are " + known());
        }
        return id;
    }

    // tag::encode[]
    /** The ids of {@code words}; a word outside the vocabulary is an error. */
    public int[] encode(List<String> words) {
        int[] encoded = new int[words.size()];
        for (int i = 0; i < words.size(); i++) {
            Integer id = ids.get(words.get(i));
            if (id == null || id <= END_ID) {
                throw new IllegalArgumentException("unknown word '"
                        + words.get(i) + "' (word " + (i + 1) + " of '"
                        + Tokens.join(words) + "'); the known words are "
                        + known());
            }
            encoded[i] = id;
        }
        return encoded;
    }

    /**
     * The words of a model's output: a leading {@code <s>} is skipped, and
     * the sentence ends at the first {@code </s>}. Any other special token
     * is kept, so that a wrong output shows as it is.
     */
    public List<String> decode(int[] ids) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == END_ID) {
                break;
            }
            if (!(i == 0 && ids[i] == START_ID)) {
                words.add(token(ids[i]));
            }
        }
        return words;
    }
    // end::encode[]

    /** The words (not the specials), shortened if there are many. */
    private String known() {
        List<String> words = tokens.subList(3, tokens.size());
        int shown = Math.min(words.size(), 60);
        return String.join(", ", words.subList(0, shown))
                + (shown < words.size() ? ", ... (" + words.size()
                + " in all)" : "");
    }

    // tag::save[]
    /** Writes {"format": ..., "version": 1, "tokens": [...]} atomically. */
    public void save(Path file) throws IOException {
        JsonMapper mapper = new JsonMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode list = root.putArray("tokens");
        tokens.forEach(list::add);
        byte[] bytes = mapper.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(root);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
    // end::save[]

    /** Reads a saved vocabulary, checking everything a file can get wrong. */
    public static Vocabulary load(Path file) throws IOException {
        long bytes = Files.size(file);
        if (bytes > MAX_FILE_BYTES) {
            throw invalid(file, "it has " + bytes + " bytes; a vocabulary"
                    + " file has at most " + MAX_FILE_BYTES);
        }
        JsonMapper mapper = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        JsonNode root;
        try {
            root = mapper.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw invalid(file, "it is not valid JSON: "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()
                || !FORMAT.equals(root.path("format").asText(null))) {
            throw invalid(file, "it is not a vocabulary: it needs"
                    + " \"format\": \"" + FORMAT + "\"");
        }
        if (!root.path("version").isInt()
                || root.path("version").intValue() != VERSION) {
            throw invalid(file, "its version is " + root.path("version")
                    + "; this program reads version " + VERSION);
        }
        JsonNode list = root.path("tokens");
        if (!list.isArray()) {
            throw invalid(file, "\"tokens\" must be a list of strings");
        }
        List<String> tokens = new ArrayList<>();
        for (JsonNode token : list) {
            if (!token.isTextual()) {
                throw invalid(file, "token " + tokens.size() + " is "
                        + token + ", not a string");
            }
            tokens.add(token.textValue());
        }
        String problem = problem(tokens);
        if (problem != null) {
            throw invalid(file, problem);
        }
        return new Vocabulary(tokens);
    }

    private static IllegalArgumentException invalid(Path file,
            String why) {
        return new IllegalArgumentException("vocabulary file " + file
                + " cannot be read: " + why);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Vocabulary v && v.tokens.equals(tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    @Override
    public String toString() {
        return "Vocabulary(" + size() + " tokens)";
    }
}
