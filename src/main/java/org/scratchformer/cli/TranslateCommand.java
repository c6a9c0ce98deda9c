package org.scratchformer.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scratchformer.translation.Checkpoint;
import org.scratchformer.translation.Task;
import org.scratchformer.translation.Tokens;
import org.scratchformer.translation.Translator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Translates sentences with a trained model. */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = "Translate a sentence with a trained model; with -"
                + " instead of a sentence, one sentence a line from"
                + " standard input.")
final class TranslateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true,
            description = "A run folder written by train.")
    Path model;

    @Parameters(arity = "1", paramLabel = "SENTENCE",
            description = "Words separated by spaces, or - to read lines.")
    String sentence;

    @Override
    public Integer call() throws IOException {
        Checkpoint.Run run = Checkpoint.readRun(model);
        Translator translator = Checkpoint.loadModel(model, run);
        Task task = Task.named(run.task());
        PrintWriter out = spec.commandLine().getOut();
        if (!sentence.equals("-")) {
            out.println(translate(translator, task, sentence));
            out.flush();
            return 0;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(
                System.in, StandardCharsets.UTF_8));
        int number = 0;
        for (String line = in.readLine(); line != null;
                line = in.readLine()) {
            number++;
            try {
                out.println(translate(translator, task, line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + number + ": "
                        + e.getMessage(), e);
            }
            out.flush();
        }
        return 0;
    }

    static String translate(Translator model, Task task, String text) {
        List<String> words = Tokens.split(text.strip().toLowerCase(
                java.util.Locale.ROOT));
        if (words.isEmpty()) {
            throw new IllegalArgumentException("nothing to translate: the"
                    + " sentence is empty");
        }
        return Tokens.join(Translating.translate(model, task, words));
    }
}
