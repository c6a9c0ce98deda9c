package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchformer.book.Listings;
import org.scratchformer.cli.TrainCommandTest.Result;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.NonFiniteException;
import org.scratchformer.tensor.Tensor;
import org.scratchformer.translation.anomaly.AnomalyMode;
import org.scratchformer.translation.anomaly.ForwardCheck;

/**
 * Chapter 11's listing {@code numerical-faults}: what the program says
 * when a NaN reaches training, and what anomaly mode says of two small
 * graphs, one wrong in its forward pass and one in its backward pass.
 */
class NumericalFaultExample {
    @TempDir
    Path dir;

    @AfterEach
    void noMoreFaults() {
        TrainCommand.afterStep = (model, step) -> { };
    }

    @Test
    void numericalFaults() {
        Path run = dir.resolve("nan");
        NumericalFaultTest.poisonAfterStepTwo();
        Result r = TrainCommandTest.run(TrainCommandTest.train(run, 5,
                "--save-every", "1"));
        assertEquals(ExitCodes.NUMERICAL, r.code(), r.err());
        String trained = r.err().strip().replace(run.toString(), "runs/nan");
        Path checked = dir.resolve("checked");
        NumericalFaultTest.poisonAfterStepTwo();
        Result a = TrainCommandTest.run(TrainCommandTest.train(checked, 5,
                "--save-every", "1", "--detect-anomaly"));
        assertEquals(ExitCodes.NUMERICAL, a.code(), a.err());
        String anomaly = a.err().strip().replace(checked.toString(),
                "runs/nan");

        Tensor big = Tensor.variable(new double[][] {{1, 800}, {2, 3}});
        Tensor forward = Ops.sum(Ops.sub(Ops.exp(big), Ops.exp(big)));
        Optional<String> walk = ForwardCheck.firstFault(forward,
                java.util.Map.of());
        assertTrue(walk.isPresent());

        Tensor x = Tensor.variable(new double[][] {{0, 1, 4}});
        Tensor backward = Ops.sum(Ops.sqrt(Ops.scale(Ops.tanh(x), 2)));
        NonFiniteException e;
        try (AnomalyMode on = AnomalyMode.on()) {
            e = assertThrows(NonFiniteException.class, backward::backward);
        }
        Listings.write("numerical-faults", String.join("\n",
                "$ train --task copy --save-every 1 ...   (a NaN written into"
                        + " every word's embedding after step 2)",
                trained,
                "$ echo $?",
                String.valueOf(r.code()),
                "$ train --task copy --save-every 1 --detect-anomaly ...",
                anomaly,
                "",
                "anomaly mode, y = sum(exp(x) - exp(x)) with x = [[1, 800],"
                        + " [2, 3]]:",
                walk.get(),
                "",
                "anomaly mode, y = sum(sqrt(2 tanh(x))) with x = [[0, 1,"
                        + " 4]]:",
                e.getMessage()) + "\n");
    }
}
