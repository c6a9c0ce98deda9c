package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchformer.transformer.NormPlacement;
import org.scratchformer.translation.ModelConfig;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.data.Task;

/**
 * The explorer is safe by default: it serves its own files and questions
 * only, to this computer only; and its command refuses what it cannot do.
 */
class ExplorerServerTest {
    static final Task TASK = Task.named("numbers");

    static Explorer explorer;
    static ExplorerServer server;

    @BeforeAll
    static void start() throws IOException {
        Translator model = new Translator(new ModelConfig(8, 2, 16, 1, 1,
                0.1, NormPlacement.PRE, false), TASK.sourceVocabulary()
                .size(), TASK.targetVocabulary().size(), new Random(3));
        model.eval();
        explorer = new Explorer(model, TASK);
        server = ExplorerServer.start(explorer,
                InetAddress.getLoopbackAddress(), 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The status line of a request written byte for byte. */
    static String status(String method, String rawPath, String host)
            throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(),
                server.address().getPort())) {
            socket.getOutputStream().write((method + " " + rawPath
                    + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close"
                    + "\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream()
                    .readAllBytes(), StandardCharsets.UTF_8);
            return response.substring(0, response.indexOf("\r\n"));
        }
    }

    static String localHost() {
        return "127.0.0.1:" + server.address().getPort();
    }

    @Test
    void noPathReachesTheFileSystem() throws IOException {
        for (String path : List.of("/../pom.xml", "/%2e%2e/pom.xml",
                "/..%2fpom.xml", "/explorer.js/../../pom.xml",
                "//etc/passwd", "/org/scratchformer/cli/explorer/index.html",
                "/org/scratchformer/cli/Main.class", "/index.html/",
                "/api/../pom.xml", "/META-INF/MANIFEST.MF")) {
            assertEquals("HTTP/1.1 404 Not Found", status("GET", path,
                    localHost()), path);
        }
        assertEquals("HTTP/1.1 200 OK", status("GET", "/explorer.css",
                localHost()));
    }

    @Test
    void onlyGetIsAnswered() throws IOException {
        for (String method : List.of("POST", "PUT", "DELETE")) {
            assertEquals("HTTP/1.1 405 Method Not Allowed", status(method,
                    "/api/translate?sentence=one", localHost()), method);
        }
    }

    /** A page elsewhere that renames its own host to 127.0.0.1 is refused. */
    @Test
    void anotherHostNameIsRefused() throws IOException {
        int port = server.address().getPort();
        assertEquals("HTTP/1.1 403 Forbidden", status("GET", "/",
                "attacker.example:" + port));
        assertEquals("HTTP/1.1 403 Forbidden", status("GET", "/",
                "127.0.0.1:" + (port + 1)));
        assertEquals("HTTP/1.1 200 OK", status("GET", "/",
                "localhost:" + port));
    }

    @Test
    void theExportHoldsThePageAndItsAnswers(@TempDir Path dir)
            throws IOException {
        Path out = dir.resolve("explorer");
        int answers = ExploreCommand.export(explorer, out);
        for (String name : ExplorerServer.pageFiles()) {
            assertEquals(ExplorerServer.resource(name), Files.readString(
                    out.resolve(name)), name);
        }
        String script = Files.readString(out.resolve("data.js"));
        String prefix = "window.EXPLORER_DATA = ";
        assertTrue(script.startsWith(prefix) && script.endsWith(";\n"));
        JsonNode data = new ObjectMapper().readTree(script.substring(
                prefix.length(), script.length() - 2));
        List<String> examples = explorer.examples();
        assertEquals(2 * examples.size(), answers);
        assertEquals(answers, data.get("answers").size());
        JsonNode beamAnswer = data.get("answers").get(1);
        assertEquals(examples.get(0), beamAnswer.get("sentence").asText());
        assertEquals(ExploreCommand.EXPORT_BEAM, beamAnswer.get("beam")
                .asInt());
        // the export's answer is the server's, to the last digit
        assertEquals(ExplorerServer.toJson(explorer.answer(examples.get(0),
                ExploreCommand.EXPORT_BEAM)), beamAnswer.toString());
    }

    @Test
    void theCommandRefusesWhatItCannotDo(@TempDir Path dir) {
        assertRefused("error: --port must be 0 to 65535, got 70000",
                "explore", "--model", dir.toString(), "--port", "70000");
        assertRefused("error: --export writes files and starts no server:"
                + " leave out --port and --bind", "explore", "--model",
                dir.toString(), "--export", dir.toString(), "--port", "80");
        assertRefused("error: --bind no.such.host.invalid: not an address"
                + " of this computer", "explore", "--model", dir.toString(),
                "--bind", "no.such.host.invalid");
    }

    static void assertRefused(String line, String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()),
                new PrintWriter(err), args);
        assertEquals(ExitCodes.USAGE, code, err.toString());
        assertEquals(line, err.toString().strip());
    }
}
