package org.scratchformer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.scratchformer.translation.checkpoint.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The attention explorer: a page in the browser that translates a
 * sentence and shows every attention map of the translation, served by
 * this program; or, with {@code --export}, the same page with the answers
 * for a set of sentences, to open as a file.
 */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = {"Explore a trained model in the browser: type a"
                + " sentence, see its translation word by word with each"
                + " word's probability and alternatives (greedy or beam),"
                + " every attention map of every layer and head as a heat"
                + " map, and cross-attention as lines from each target word"
                + " to the source words it reads.",
            "",
            "Serves the page at http://127.0.0.1:PORT/ until Ctrl-C. The"
                + " page and its scripts come from the program itself; it"
                + " loads nothing from the network. Sentences of at most "
                + BatchDecoding.MAX_WORDS + " words, beams of 1 to "
                + Explorer.MAX_BEAM + ".",
            "",
            "With --export DIR, writes the page with the answers for the"
                + " example sentences (greedy and a beam of "
                + ExploreCommand.EXPORT_BEAM + ") into DIR instead; open"
                + " DIR/index.html from the disk, no server needed."})
final class ExploreCommand implements Callable<Integer> {
    /** The beam of the exported answers, besides greedy decoding. */
    static final int EXPORT_BEAM = 4;

    @Spec
    CommandSpec spec;

    @Mixin
    RunFolder model;

    int port;

    @Option(names = "--port", defaultValue = "0", paramLabel = "PORT",
            description = "The port, 1 to 65535, or 0 (the default) for any"
                    + " free one; the address is printed.")
    void port(int value) {
        port = OptionRanges.between(spec, "--port", value, 0, 65535, "");
    }

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            paramLabel = "ADDRESS",
            description = "The address to listen on (default 127.0.0.1,"
                    + " this computer only). Another address is unsafe:"
                    + " anyone who reaches it can use the page, and the"
                    + " server has no password and no encryption.")
    String bind;

    @Option(names = "--export", paramLabel = "DIR",
            description = "Write the page with precomputed answers into"
                    + " DIR (created if missing) and stop; no server.")
    Path export;

    int measure;

    @Option(names = "--measure", paramLabel = "N",
            description = "Start the server, time N answers of the example"
                    + " sentences over HTTP, greedy and with a beam of "
                    + EXPORT_BEAM + ", print the median and the slowest,"
                    + " and stop (1 to 10000).")
    void measure(int value) {
        measure = OptionRanges.between(spec, "--measure", value, 1, 10_000,
                "");
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (export != null && measure > 0) {
            throw new ParameterException(spec.commandLine(), "--export and"
                    + " --measure do different jobs: give one of them");
        }
        if (export != null && (port != 0 || !bind.equals("127.0.0.1"))) {
            throw new ParameterException(spec.commandLine(), "--export"
                    + " writes files and starts no server: leave out --port"
                    + " and --bind");
        }
        InetAddress address = export == null ? address(bind) : null;
        RunFolder.Trained trained = model.load();
        Explorer explorer = new Explorer(trained.model(), trained.task());
        PrintWriter out = spec.commandLine().getOut();
        if (export != null) {
            int answers = export(explorer, export);
            out.println("the explorer with " + answers + " answers: "
                    + export.resolve("index.html").toAbsolutePath());
            out.flush();
            return 0;
        }
        ExplorerServer server = ExplorerServer.start(explorer, address,
                port);
        if (measure > 0) {
            try (server) {
                for (int beam : List.of(1, EXPORT_BEAM)) {
                    out.println(ExplorerTiming.measure(server.address(),
                            explorer.examples(), beam, measure));
                    out.flush();
                }
            }
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            out.println("The explorer stopped.");
            out.flush();
            stopped.countDown();
        }, "explorer-stop"));
        if (!address.isLoopbackAddress()) {
            spec.commandLine().getErr().println("warning: listening on "
                    + bind + ", not only this computer: anyone who"
                    + " reaches it can use the page");
            spec.commandLine().getErr().flush();
        }
        out.println("The explorer is at " + server.address()
                + " (Ctrl-C stops it)");
        out.flush();
        stopped.await();
        return 0;
    }

    /** The --bind address, or the command line's error. */
    InetAddress address(String name) {
        try {
            return InetAddress.getByName(name);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--bind "
                    + name + ": not an address of this computer");
        }
    }

    /**
     * Writes the page and {@code data.js}, the answers for every example
     * sentence, greedy and with a beam of {@link #EXPORT_BEAM}; returns
     * how many answers it holds.
     */
    static int export(Explorer explorer, Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--export " + dir + " is a"
                    + " file; name a folder to write the page into");
        }
        Files.createDirectories(dir);
        List<String> examples = explorer.examples();
        List<Explorer.Answer> answers = new ArrayList<>();
        for (String sentence : examples) {
            answers.add(explorer.answer(sentence, 1));
            answers.add(explorer.answer(sentence, EXPORT_BEAM));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("examples", examples);
        data.put("beams", List.of(1, EXPORT_BEAM));
        data.put("answers", answers);
        for (String name : ExplorerServer.pageFiles()) {
            write(dir.resolve(name), ExplorerServer.resource(name));
        }
        write(dir.resolve("data.js"), "window.EXPLORER_DATA = "
                + ExplorerServer.toJson(data) + ";\n");
        return answers.size();
    }

    private static void write(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
