package org.scratchformer.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.data.Task;
import org.scratchformer.translation.data.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Translates sentences with a trained model. */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = {"Translate a sentence with a trained model; with -"
                + " instead of a sentence, one sentence a line from"
                + " standard input.",
            "",
            "With -, every input line gives exactly one line on standard"
                + " output, in order: its translation, or, for a line that"
                + " cannot be translated (empty, an unknown word, more than "
                + BatchDecoding.MAX_WORDS + " words), `error: line N: why`."
                + " Then a count of the failed lines goes to standard"
                + " error, and the exit code is 2 if any line failed, 0"
                + " otherwise."})
final class TranslateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunFolder model;

    @Parameters(arity = "1", paramLabel = "SENTENCE",
            description = "Words separated by spaces, or - to read lines.")
    String sentence;

    @Override
    public Integer call() throws IOException {
        RunFolder.Trained trained = model.load();
        Translator translator = trained.model();
        Task task = trained.task();
        PrintWriter out = spec.commandLine().getOut();
        if (!sentence.equals("-")) {
            out.println(translate(translator, task, sentence));
            out.flush();
            return 0;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(
                System.in, StandardCharsets.UTF_8));
        return translateLines(translator, task, in, out,
                spec.commandLine().getErr()) == 0 ? 0 : 2;
    }

    /**
     * One line on {@code out} for every line of {@code in}: its
     * translation or {@code error: line N: why}; the failed lines are
     * counted on {@code err}. Returns how many failed.
     */
    static int translateLines(Translator model, Task task,
            BufferedReader in, PrintWriter out, PrintWriter err)
            throws IOException {
        int number = 0;
        List<Integer> failed = new ArrayList<>();
        for (String line = in.readLine(); line != null;
                line = in.readLine()) {
            number++;
            try {
                out.println(translate(model, task, line));
            } catch (IllegalArgumentException e) {
                out.println("error: line " + number + ": " + e.getMessage());
                failed.add(number);
            }
            out.flush();
        }
        if (!failed.isEmpty()) {
            err.println("error: " + failed.size() + " of " + number
                    + " lines could not be translated (lines "
                    + failed.stream().limit(10).map(String::valueOf)
                            .collect(Collectors.joining(", "))
                    + (failed.size() > 10 ? ", ..." : "") + ")");
            err.flush();
        }
        return failed.size();
    }

    static String translate(Translator model, Task task, String text) {
        return Tokens.join(BatchDecoding.translate(model, task, words(text)));
    }

    /**
     * The words of a sentence as the commands read it (lower case), or
     * the error that refuses it: empty, or longer than {@link
     * BatchDecoding#MAX_WORDS}. Unknown words are refused by encoding.
     */
    static List<String> words(String text) {
        List<String> words = Tokens.split(text.strip().toLowerCase(
                java.util.Locale.ROOT));
        if (words.isEmpty()) {
            throw new IllegalArgumentException("nothing to translate: the"
                    + " sentence is empty");
        }
        if (words.size() > BatchDecoding.MAX_WORDS) {
            throw new IllegalArgumentException("the sentence has "
                    + words.size() + " words; at most "
                    + BatchDecoding.MAX_WORDS + " are translated");
        }
        return words;
    }
}
