package org.scratchformer.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long the explorer takes to answer, as the page waits for it: GET
 * requests over HTTP to a running server, one after the other, each a
 * translation with all its maps, timed from the request to the last byte
 * of the JSON.
 */
final class ExplorerTiming {
    /**
     * Answers asked for before the timed ones, for the JIT compiler: as
     * many as are timed, at most this many.
     */
    static final int WARMUP = 20;

    private ExplorerTiming() {
    }

    /**
     * The median and the slowest of {@code count} answers at a beam of
     * {@code beam}, the example sentences in turn, as one line.
     */
    static String measure(URI server, List<String> sentences, int beam,
            int count) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        double[] millis = new double[count];
        int warmup = Math.min(WARMUP, count);
        for (int i = -warmup; i < count; i++) {
            String sentence = sentences.get(Math.floorMod(i,
                    sentences.size()));
            HttpRequest request = HttpRequest.newBuilder(server.resolve(
                    "/api/translate?beam=" + beam + "&sentence="
                    + URLEncoder.encode(sentence, StandardCharsets.UTF_8)))
                    .build();
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request,
                    HttpResponse.BodyHandlers.ofByteArray());
            long end = System.nanoTime();
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the explorer refused '"
                        + sentence + "': " + new String(response.body(),
                        StandardCharsets.UTF_8));
            }
            if (i >= 0) {
                millis[i] = (end - start) / 1e6;
            }
        }
        Arrays.sort(millis);
        double median = count % 2 == 1 ? millis[count / 2]
                : (millis[count / 2 - 1] + millis[count / 2]) / 2;
        return String.format(Locale.ROOT, "beam %d: median %.1f ms, slowest"
                + " %.1f ms over %d answers with all their maps (%d"
                + " sentences in turn, after %d unmeasured)", beam, median,
                millis[count - 1], count, sentences.size(), warmup);
    }
}
