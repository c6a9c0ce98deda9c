package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scratchformer.decoding.BeamSearch;
import org.scratchformer.transformer.AttentionMap;
import org.scratchformer.transformer.AttentionMap.Kind;
import org.scratchformer.transformer.NormPlacement;
import org.scratchformer.translation.AttentionMaps;
import org.scratchformer.translation.ModelConfig;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.data.Task;
import org.scratchformer.translation.data.Tokens;
import org.scratchformer.translation.data.Vocabulary;

/**
 * The numbers the explorer's page receives are the model's: its JSON,
 * read as the page reads it, against what the translate, eval --beam and
 * attention commands compute, to 1e-9.
 */
class ExplorerTest {
    static final Task TASK = Task.named("numbers");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final String SENTENCE = "three hundred seventy one";

    static Translator model;
    static ExplorerServer server;

    @BeforeAll
    static void start() throws IOException {
        model = new Translator(new ModelConfig(16, 2, 32, 2, 2, 0.1,
                NormPlacement.PRE, false), TASK.sourceVocabulary().size(),
                TASK.targetVocabulary().size(), new Random(23));
        model.eval();
        server = ExplorerServer.start(new Explorer(model, TASK),
                InetAddress.getLoopbackAddress(), 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String pathAndQuery) throws IOException,
            InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(server.address()
                .resolve(pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode translate(String sentence, String beam)
            throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/translate?sentence="
                + URLEncoder.encode(sentence, StandardCharsets.UTF_8)
                + "&beam=" + beam);
        return JSON.readTree(response.body());
    }

    /** Sentences whose greedy translations end, and some that do not. */
    static final List<String> SENTENCES = List.of(SENTENCE, "one", "eighty",
            "seventy one", "nine hundred thousand", "twelve thousand");

    @Test
    void theGreedyAnswerIsTheTranslateAndAttentionCommands()
            throws Exception {
        List<Boolean> ended = new ArrayList<>();
        for (String sentence : SENTENCES) {
            JsonNode answer = translate(sentence, "1");
            List<String> translation = words(answer.get("translation"));
            assertEquals(TranslateCommand.translate(model, TASK, sentence),
                    Tokens.join(translation));
            assertMapsAreTheModels(answer, Tokens.split(sentence),
                    translation);
            assertStepsAreTheModels(answer, Tokens.split(sentence),
                    translation);
            // greedy's score, as a beam of 1 scores the same translation
            BeamSearch.Hypothesis one = beam(sentence, 1).get(0);
            JsonNode h = answer.get("hypotheses").get(0);
            assertEquals(one.score(), h.get("score").asDouble(), 1e-9,
                    sentence);
            assertEquals(one.normalised(), h.get("normalised").asDouble(),
                    1e-9, sentence);
            ended.add(answer.get("ended").asBoolean());
        }
        assertTrue(ended.contains(true) && ended.contains(false),
                "both kinds of translation checked: " + ended);
    }

    @Test
    void aBeamAnswerIsBeamSearchsHypothesesBestFirst() throws Exception {
        JsonNode answer = translate(SENTENCE, "3");
        List<BeamSearch.Hypothesis> expected = beam(SENTENCE, 3);
        JsonNode got = answer.get("hypotheses");
        assertEquals(expected.size(), got.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(TASK.targetVocabulary().decode(expected.get(i)
                    .ids()), words(got.get(i).get("words")), "rank " + i);
            assertEquals(Tokens.join(words(got.get(i).get("words"))),
                    got.get(i).get("text").asText());
            assertEquals(expected.get(i).score(), got.get(i).get("score")
                    .asDouble(), 1e-9, "rank " + i);
            assertEquals(expected.get(i).normalised(), got.get(i)
                    .get("normalised").asDouble(), 1e-9, "rank " + i);
        }
        List<String> translation = words(answer.get("translation"));
        assertEquals(words(got.get(0).get("words")), translation);
        assertMapsAreTheModels(answer, Tokens.split(SENTENCE), translation);
        assertStepsAreTheModels(answer, Tokens.split(SENTENCE), translation);
    }

    static List<BeamSearch.Hypothesis> beam(String sentence, int width) {
        int[] ids = TASK.sourceVocabulary().encode(Tokens.split(sentence));
        return BeamSearch.hypotheses(model, new int[][] {ids},
                new int[] {ids.length}, width,
                BatchDecoding.maxLength(ids.length)).get(0);
    }

    /** Every map of the model, once, with the attention command's labels. */
    static void assertMapsAreTheModels(JsonNode answer, List<String> source,
            List<String> translation) {
        AttentionMaps maps = model.attentionMaps(TASK.sourceVocabulary()
                .encode(source), BatchDecoding.decoderInput(TASK,
                        translation));
        List<AttentionCommand.Panel> panels = AttentionCommand.panels(model,
                TASK, source, translation);
        JsonNode got = answer.get("maps");
        assertEquals(maps.maps().size(), got.size());
        for (int i = 0; i < got.size(); i++) {
            JsonNode map = got.get(i);
            Kind kind = switch (map.get("kind").asText()) {
                case "encoder self" -> Kind.ENCODER_SELF;
                case "decoder self" -> Kind.DECODER_SELF;
                case "cross" -> Kind.CROSS;
                default -> throw new AssertionError(map.get("kind"));
            };
            AttentionMap expected = maps.get(kind, map.get("layer").asInt(),
                    map.get("head").asInt());
            assertEquals(panels.get(i).title(), map.get("title").asText());
            assertEquals(panels.get(i).rows(), words(map.get("rows")));
            assertEquals(panels.get(i).cols(), words(map.get("cols")));
            assertWeights(expected.weights(), map.get("weights"),
                    map.get("title").asText());
        }
    }

    static void assertWeights(DMatrixRMaj expected, JsonNode rows,
            String title) {
        assertEquals(expected.numRows, rows.size(), title);
        for (int r = 0; r < expected.numRows; r++) {
            assertEquals(expected.numCols, rows.get(r).size(), title);
            for (int c = 0; c < expected.numCols; c++) {
                assertEquals(expected.get(r, c), rows.get(r).get(c)
                        .asDouble(), 1e-9, title + " (" + r + ", " + c + ")");
            }
        }
    }

    /**
     * Each step's word and alternatives with the softmax of the logits of
     * the translation read whole (computed here, not with the program's
     * op), the alternatives the most likely other words in order.
     */
    static void assertStepsAreTheModels(JsonNode answer, List<String> source,
            List<String> translation) {
        DMatrixRMaj logits = BatchDecoding.teacherForced(model, TASK, source,
                translation).value();
        Vocabulary target = TASK.targetVocabulary();
        List<String> predicted = AttentionCommand.predicted(translation);
        boolean ended = translation.size() < BatchDecoding.maxLength(
                source.size());
        assertEquals(ended, answer.get("ended").asBoolean());
        JsonNode steps = answer.get("steps");
        // </s> is a step only where decoding chose it
        assertEquals(ended ? predicted.size() : translation.size(),
                steps.size());
        for (int t = 0; t < steps.size(); t++) {
            double[] p = softmax(logits, t);
            JsonNode step = steps.get(t);
            assertEquals(predicted.get(t), step.get("word").asText());
            assertEquals(p[target.id(predicted.get(t))], step.get(
                    "probability").asDouble(), 1e-9, "step " + t);
            double previous = Double.POSITIVE_INFINITY;
            JsonNode alternatives = step.get("alternatives");
            assertEquals(Explorer.ALTERNATIVES, alternatives.size());
            for (JsonNode choice : alternatives) {
                int id = target.id(choice.get("word").asText());
                double q = choice.get("probability").asDouble();
                assertEquals(p[id], q, 1e-9, "step " + t + ", " + choice);
                assertTrue(q <= previous, "in order at step " + t);
                previous = q;
            }
            for (int v = 0; v < p.length; v++) {  // none more likely left out
                String word = target.token(v);
                if (!word.equals(predicted.get(t))
                        && !words(alternatives, "word").contains(word)) {
                    assertTrue(p[v] <= previous, word + " at step " + t);
                }
            }
        }
    }

    static double[] softmax(DMatrixRMaj logits, int row) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < logits.numCols; v++) {
            max = Math.max(max, logits.get(row, v));
        }
        double sum = 0;
        double[] p = new double[logits.numCols];
        for (int v = 0; v < p.length; v++) {
            p[v] = Math.exp(logits.get(row, v) - max);
            sum += p[v];
        }
        for (int v = 0; v < p.length; v++) {
            p[v] /= sum;
        }
        return p;
    }

    @Test
    void refusedSentencesAnswerTheCommandLinesErrors() throws Exception {
        for (String sentence : List.of("seventy onze", "",
                "one ".repeat(BatchDecoding.MAX_WORDS + 1))) {
            String expected = assertThrows(IllegalArgumentException.class,
                    () -> TranslateCommand.translate(model, TASK, sentence))
                    .getMessage();
            HttpResponse<String> response = get("/api/translate?sentence="
                    + URLEncoder.encode(sentence, StandardCharsets.UTF_8));
            assertEquals(400, response.statusCode(), sentence);
            assertEquals(expected, JSON.readTree(response.body())
                    .get("error").asText());
        }
        assertEquals("the beam width must be 1 to 8, got 9",
                translate("seventy one", "9").get("error").asText());
        assertEquals("the beam width must be a whole number from 1 to 8,"
                + " got 'wide'", translate("seventy one", "wide")
                .get("error").asText());
        String huge = "x".repeat(ExplorerServer.MAX_QUERY);
        assertEquals("the question has " + (huge.length() + 9)
                + " characters; at most 4000 are read", JSON.readTree(get(
                        "/api/translate?sentence=" + huge).body())
                .get("error").asText());
    }

    @Test
    void thePageAndItsExamplesAreServedFromTheProgram() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertEquals(ExplorerServer.resource("index.html"), page.body());
        assertEquals("text/html; charset=utf-8", page.headers()
                .firstValue("Content-Type").orElseThrow());
        assertEquals(ExplorerServer.resource("explorer.js"),
                get("/explorer.js").body());
        assertEquals(ExplorerServer.LIVE_DATA, get("/data.js").body());
        JsonNode examples = JSON.readTree(get("/api/examples").body());
        assertEquals(SENTENCE, examples.get("examples").get(0).asText());
        assertEquals(Explorer.EXAMPLES, examples.get("examples").size());
        assertEquals("[1,2,3,4,5,6,7,8]", examples.get("beams").toString());
    }

    @Test
    void itListensOnLoopbackOnly() {
        assertTrue(server.address().toString().startsWith(
                "http://127.0.0.1:"), server.address().toString());
    }

    @Test
    void questionsAskedTogetherGetTheirOwnAnswers() throws Exception {
        List<String> sentences = List.of("seventy one", "eighty",
                "ninety nine");
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>>
                pending = new ArrayList<>();
        for (String s : sentences) {
            pending.add(CLIENT.sendAsync(HttpRequest.newBuilder(server
                    .address().resolve("/api/translate?beam=4&sentence="
                            + URLEncoder.encode(s, StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < sentences.size(); i++) {  // each its own answer
            assertEquals(sentences.get(i), JSON.readTree(pending.get(i)
                    .get().body()).get("sentence").asText());
        }
    }

    static List<String> words(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static List<String> words(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }
}
