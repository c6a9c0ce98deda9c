package org.scratchformer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The explorer's web server, the JDK's own ({@code com.sun.net.httpserver}).
 * It answers GET requests only, from a fixed list: the page's three files
 * and its data script, read from the program's resources (never from the
 * file system), and two questions:
 *
 * <pre>
 * GET /api/translate?sentence=WORDS&amp;beam=K  an {@link Explorer.Answer}
 * GET /api/examples                          sentences to try, beam widths
 * </pre>
 *
 * <p>A refused question answers 400 with {@code {"error": "..."}}, the
 * line the command line prints after {@code error:}. Anything else is 404.
 * Bound to a loopback address, it also refuses a request whose Host
 * header names another host (a page elsewhere reaching it through a
 * renamed address).
 */
final class ExplorerServer implements AutoCloseable {
    /** The longest query the server reads, in characters. */
    static final int MAX_QUERY = 4000;

    /** Where the page's files are among the program's resources. */
    static final String RESOURCES = "/org/scratchformer/cli/explorer/";

    /** A file of the page: its name among the resources, its type. */
    record PageFile(String name, String type) {
    }

    /** The page's files by the path that asks for them; nothing else. */
    static final Map<String, PageFile> FILES = Map.of(
            "/", new PageFile("index.html", "text/html; charset=utf-8"),
            "/index.html", new PageFile("index.html",
                    "text/html; charset=utf-8"),
            "/explorer.js", new PageFile("explorer.js",
                    "text/javascript; charset=utf-8"),
            "/explorer.css", new PageFile("explorer.css",
                    "text/css; charset=utf-8"));

    /** What the page's data script holds when a server answers. */
    static final String LIVE_DATA = "// no data here: the page asks the"
            + " server for each sentence\n";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads;
    private final Explorer explorer;
    private final Set<String> hosts;

    private ExplorerServer(HttpServer server, ExecutorService threads,
            Explorer explorer) {
        this.server = server;
        this.threads = threads;
        this.explorer = explorer;
        int port = server.getAddress().getPort();
        InetAddress bound = server.getAddress().getAddress();
        this.hosts = bound.isLoopbackAddress() ? Set.of("127.0.0.1:" + port,
                "localhost:" + port, "[::1]:" + port) : Set.of();
    }

    /**
     * Starts a server at {@code address} and {@code port} (0: any free
     * port). Two threads answer, so the page's files come while a wide
     * beam runs.
     */
    static ExplorerServer start(Explorer explorer, InetAddress address,
            int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address,
                port), 0);
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "explorer");
            t.setDaemon(true);
            return t;
        });
        ExplorerServer explorerServer = new ExplorerServer(server, threads,
                explorer);
        server.createContext("/", explorerServer::handle);
        server.setExecutor(threads);
        server.start();
        return explorerServer;
    }

    /** The page's address, as the command prints it. */
    URI address() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    /** Stops answering; a request in flight gets a second to finish. */
    @Override
    public void close() {
        server.stop(1);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String host = exchange.getRequestHeaders().getFirst("Host");
            if (!hosts.isEmpty() && (host == null || !hosts.contains(
                    host.toLowerCase(java.util.Locale.ROOT)))) {
                send(exchange, 403, "text/plain; charset=utf-8",
                        "this explorer answers only at " + address() + "\n");
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                send(exchange, 405, "text/plain; charset=utf-8",
                        "only GET is answered\n");
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            switch (path) {
                case "/api/translate" -> translate(exchange, query);
                case "/api/examples" -> json(exchange, 200,
                        Map.of("examples", explorer.examples(), "beams",
                                Explorer.beams()));
                case "/data.js" -> send(exchange, 200,
                        "text/javascript; charset=utf-8", LIVE_DATA);
                default -> file(exchange, path);
            }
        }
    }

    private void translate(HttpExchange exchange, String query)
            throws IOException {
        Explorer.Answer answer;
        try {
            Map<String, String> params = parameters(query);
            answer = explorer.answer(params.getOrDefault("sentence", ""),
                    beam(params.getOrDefault("beam", "1")));
        } catch (IllegalArgumentException e) {
            json(exchange, 400, Map.of("error", ExitCodes.message(e,
                    ExitCodes.USAGE)));
            return;
        } catch (RuntimeException e) {
            json(exchange, 500, Map.of("error", ExitCodes.message(e,
                    ExitCodes.INTERNAL)));
            return;
        }
        json(exchange, 200, answer);
    }

    /** The query's parameters, decoded; a query too long is refused. */
    static Map<String, String> parameters(String query) {
        Map<String, String> params = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        if (query.length() > MAX_QUERY) {
            throw new IllegalArgumentException("the question has "
                    + query.length() + " characters; at most " + MAX_QUERY
                    + " are read");
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    static int beam(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the beam width must be a"
                    + " whole number from 1 to " + Explorer.MAX_BEAM
                    + ", got '" + text + "'");
        }
    }

    /** One of the page's files; any other path is not found. */
    private static void file(HttpExchange exchange, String path)
            throws IOException {
        PageFile file = FILES.get(path);
        if (file == null) {
            send(exchange, 404, "text/plain; charset=utf-8", "not found: the"
                    + " explorer serves only its page and its questions\n");
            return;
        }
        send(exchange, 200, file.type(), resource(file.name()));
    }

    /** A file of the page, from the program's resources. */
    static String resource(String name) {
        try (InputStream in = ExplorerServer.class.getResourceAsStream(
                RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the program lacks its"
                        + " resource " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's files, by name, as the export writes them. */
    static List<String> pageFiles() {
        return List.of("index.html", "explorer.js", "explorer.css");
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void json(HttpExchange exchange, int status, Object value)
            throws IOException {
        send(exchange, status, "application/json; charset=utf-8",
                toJson(value));
    }

    private static void send(HttpExchange exchange, int status, String type,
            String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        // the page loads only its own files and asks only its own server
        headers.set("Content-Security-Policy", "default-src 'self'");
        // (a length of 0 would mean "chunked" to the JDK's server)
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1
                : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
