package org.scratchformer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.ops.Ops;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.data.Task;
import org.scratchformer.translation.data.Tokens;
import org.scratchformer.translation.data.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The model's log-probabilities of given translations, as JSON: what
 * src/test/python/twin_check.py compares with a PyTorch twin of the model.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Print, as JSON, the log-probability of every target"
                + " word at every position for SOURCE<TAB>TARGET pairs.",
            "",
            "One object per pair: \"source\", \"target\", \"vocabulary\""
                + " (the task's target words, in the order of every row's"
                + " columns), \"predicts\" (the word each row should"
                + " predict: the target's words, then </s>) and"
                + " \"log_probs\" (a row per position, given <s> and the"
                + " target's words before it, a column per vocabulary"
                + " word)."})
final class ScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunFolder model;

    @Parameters(arity = "1..*", paramLabel = "PAIR",
            description = "A source sentence, a tab, its translation.")
    List<String> pairs;

    @Override
    public Integer call() throws IOException {
        RunFolder.Trained trained = model.load();
        Translator translator = trained.model();
        Task task = trained.task();
        ObjectMapper json = new ObjectMapper();
        ArrayNode all = json.createArrayNode();
        for (String pair : pairs) {
            String[] parts = pair.split("\t");
            if (parts.length != 2) {
                throw new IllegalArgumentException("'" + pair + "' is not"
                        + " a source, a tab and a target");
            }
            ObjectNode entry = all.addObject();
            entry.put("source", parts[0]).put("target", parts[1]);
            DMatrixRMaj logProbs = logProbs(translator, task, parts[0],
                    parts[1]);
            ArrayNode words = entry.putArray("vocabulary");
            task.targetVocabulary().tokens().forEach(words::add);
            ArrayNode predicts = entry.putArray("predicts");
            Tokens.split(parts[1]).forEach(predicts::add);
            predicts.add(Vocabulary.END);
            ArrayNode rows = entry.putArray("log_probs");
            for (int t = 0; t < logProbs.numRows; t++) {
                ArrayNode row = rows.addArray();
                for (int v = 0; v < logProbs.numCols; v++) {
                    row.add(logProbs.get(t, v));
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json.writeValueAsString(all));
        out.flush();
        return 0;
    }

    /** log softmax of the logits (T, V) for &lt;s&gt; + the target. */
    static DMatrixRMaj logProbs(Translator model, Task task, String source,
            String target) {
        // log P (T, V) = log_softmax(logits), chapter 5's op
        return Ops.logSoftmax(BatchDecoding.teacherForced(model, task,
                Tokens.split(source), Tokens.split(target))).value();
    }
}
