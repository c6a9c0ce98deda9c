package org.scratchformer.translation.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {
    @TempDir
    Path dir;

    final Vocabulary french = new NumbersTask().targetVocabulary();

    @Test
    void theSpecialTokensComeFirst() {
        assertEquals(List.of("<pad>", "<s>", "</s>"),
                french.tokens().subList(0, 3));
        assertEquals(Vocabulary.PAD_ID, french.id("<pad>"));
        assertEquals(Vocabulary.START_ID, french.id("<s>"));
        assertEquals(Vocabulary.END_ID, french.id("</s>"));
    }

    @Test
    void encodeAndDecodeAreInverse() {
        List<String> words = FrenchNumbers.words(281_071);
        int[] ids = french.encode(words);
        assertEquals(words, french.decode(ids));
        assertEquals(french.id("quatre"), ids[2]);
    }

    @Test
    void decodeSkipsTheStartAndStopsAtTheEnd() {
        int un = french.id("un");
        int[] output = {Vocabulary.START_ID, un, Vocabulary.END_ID, un, 0};
        assertEquals(List.of("un"), french.decode(output));
        // a stray special token is shown, not hidden
        assertEquals(List.of("un", "<pad>", "<s>"), french.decode(new int[] {
            un, Vocabulary.PAD_ID, Vocabulary.START_ID}));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> french.decode(new int[] {un, 99}));
        assertEquals("id 99 is outside the vocabulary; ids are 0 to "
                + (french.size() - 1), e.getMessage());
    }

    @Test
    void anUnknownWordIsNamed() {
        Vocabulary english = new NumbersTask().sourceVocabulary();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> english.encode(List.of("three", "fourty", "one")));
        assertTrue(e.getMessage().startsWith("unknown word 'fourty' (word 2"
                + " of 'three fourty one'); the known words are zero, one,"),
                e.getMessage());
        // the special tokens are not words a sentence may contain
        e = assertThrows(IllegalArgumentException.class,
                () -> english.encode(List.of("one", "</s>")));
        assertTrue(e.getMessage().startsWith("unknown word '</s>'"),
                e.getMessage());
    }

    @Test
    void badWordListsAreRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Vocabulary.of(List.of("a", "b", "a")));
        assertEquals("vocabulary: the token 'a' is both id 3 and id 5",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Vocabulary.of(List.of("a b")));
        assertEquals("vocabulary: token 3 is 'a b'; a token must be"
                + " non-empty and contain no white space", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Vocabulary.of(List.of("<s>")));
    }

    @Test
    void roundTripThroughAFile() throws IOException {
        Path file = dir.resolve("sub/target-vocabulary.json");
        french.save(file);
        assertEquals(french, Vocabulary.load(file));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"zéro\""), text);
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left");
        }
    }

    IllegalArgumentException loadFails(String json) throws IOException {
        Path file = dir.resolve("vocabulary.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return assertThrows(IllegalArgumentException.class,
                () -> Vocabulary.load(file));
    }

    String prefix() {
        return "vocabulary file " + dir.resolve("vocabulary.json")
                + " cannot be read: ";
    }

    @Test
    void aBadFileIsOneSentenceNamingTheFile() throws IOException {
        String ok = "{\"format\": \"scratchformer-vocabulary\","
                + " \"version\": 1,";
        assertTrue(loadFails("{\"tokens\": [").getMessage().startsWith(
                prefix() + "it is not valid JSON: "));
        assertEquals(prefix() + "it is not a vocabulary: it needs"
                + " \"format\": \"scratchformer-vocabulary\"",
                loadFails("[1, 2]").getMessage());
        assertEquals(prefix() + "its version is 2; this program reads"
                + " version 1", loadFails("{\"format\":"
                + " \"scratchformer-vocabulary\", \"version\": 2}")
                .getMessage());
        assertEquals(prefix() + "\"tokens\" must be a list of strings",
                loadFails(ok + "\"tokens\": \"a\"}").getMessage());
        assertEquals(prefix() + "token 3 is 7, not a string",
                loadFails(ok + "\"tokens\": [\"<pad>\", \"<s>\", \"</s>\","
                        + " 7]}").getMessage());
        assertEquals(prefix() + "the first tokens must be [<pad>, <s>,"
                + " </s>], got [<s>, <pad>, </s>]",
                loadFails(ok + "\"tokens\": [\"<s>\", \"<pad>\", \"</s>\"]}")
                        .getMessage());
        assertEquals(prefix() + "the token 'x' is both id 3 and id 4",
                loadFails(ok + "\"tokens\": [\"<pad>\", \"<s>\", \"</s>\","
                        + " \"x\", \"x\"]}").getMessage());
        assertTrue(loadFails(ok + "\"tokens\": [], \"tokens\": []}")
                .getMessage().contains("Duplicate field 'tokens'"));
    }

    @Test
    void aHugeFileIsRefusedBeforeReading() throws IOException {
        Path file = dir.resolve("vocabulary.json");
        Files.write(file, new byte[(int) Vocabulary.MAX_FILE_BYTES + 1]);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Vocabulary.load(file));
        assertEquals(prefix() + "it has 1048577 bytes; a vocabulary file"
                + " has at most 1048576", e.getMessage());
    }

    @Test
    void aFileOfExactlyTheLimitIsRead() throws IOException {
        Path file = dir.resolve("vocabulary.json");
        byte[] json = ("{\"format\": \"scratchformer-vocabulary\","
                + " \"version\": 1, \"tokens\": [\"<pad>\", \"<s>\","
                + " \"</s>\", \"x\"]}").getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[(int) Vocabulary.MAX_FILE_BYTES];
        Arrays.fill(padded, (byte) ' ');
        System.arraycopy(json, 0, padded, 0, json.length);
        Files.write(file, padded);
        assertEquals(Vocabulary.of(List.of("x")), Vocabulary.load(file));
    }

    @Test
    void onlyTheSpecialTokensIsAVocabularyWithoutWords() {
        Vocabulary none = Vocabulary.of(List.of());
        assertEquals(3, none.size());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> none.encode(List.of("a")));
        assertEquals("unknown word 'a' (word 1 of 'a'); the known words are ",
                e.getMessage());
    }

    @Test
    void theLastIdIsTheSizeLessOne() {
        assertEquals("zéro", french.token(3));
        String last = french.tokens().get(french.size() - 1);
        assertEquals(last, french.token(french.size() - 1));
        for (int id : new int[] {-1, french.size()}) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> french.token(id));
            assertEquals("id " + id + " is outside the vocabulary; ids are 0"
                    + " to " + (french.size() - 1), e.getMessage());
        }
    }

    @Test
    void anErrorListsSixtyKnownWordsThenHowManyInAll() {
        List<String> words = new ArrayList<>();
        for (int i = 1; i <= 61; i++) {
            words.add("w" + i);
        }
        String sixty = String.join(", ", words.subList(0, 60));
        assertEquals("unknown token 'x'; the known words are " + sixty,
                assertThrows(IllegalArgumentException.class,
                        () -> Vocabulary.of(words.subList(0, 60)).id("x"))
                        .getMessage());
        assertEquals("unknown token 'x'; the known words are " + sixty
                + ", ... (61 in all)", assertThrows(
                        IllegalArgumentException.class,
                        () -> Vocabulary.of(words).id("x")).getMessage());
    }

    @Test
    void equalityIsByTokens() {
        Vocabulary ab = Vocabulary.of(List.of("a", "b"));
        assertEquals(ab, Vocabulary.of(List.of("a", "b")));
        assertEquals(ab.hashCode(), Vocabulary.of(List.of("a", "b"))
                .hashCode());
        assertNotEquals(ab, Vocabulary.of(List.of("b", "a")));
        assertNotEquals(ab, List.of("<pad>", "<s>", "</s>", "a", "b"));
        assertTrue(ab.contains("a") && ab.contains("</s>"));
        assertFalse(ab.contains("c"));
        assertEquals("Vocabulary(5 tokens)", ab.toString());
    }

    @Test
    void idsOfTheTaskAreStable() {
        assertArrayEquals(new int[] {3 + 3, 3 + 28, 3 + 25, 3 + 1},
                new NumbersTask().sourceVocabulary().encode(List.of(
                        "three", "hundred", "seventy", "one")));
    }
}
