package org.scratchformer.cli;

import java.io.PrintWriter;
import org.scratchformer.fast.FastPath;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code scratchformer} program. With no command it runs its main job:
 * it trains the demo translator (English number words to French) into
 * {@code runs/demo} and shows what it learned.
 */
@Command(name = "scratchformer", mixinStandardHelpOptions = true,
        version = "Scratchformer 0.1.0",
        description = "A Transformer built from scratch, one chapter at a"
                + " time.",
        subcommands = {
                GradCheckCommand.class,
                ExerciseCommand.class,
                DataCommand.class,
                BenchCommand.class,
                TrainCommand.class,
                TranslateCommand.class,
                EvalCommand.class,
                AttentionCommand.class,
                ScoreCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** What the program does with no command: the README's main job. */
    static final String[] MAIN_JOB = {"train", "--task", "numbers",
        "--preset", "demo", "--out", "runs/demo"};

    public static void main(String[] args) {
        int code = run(new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Chapter 13's fast path, as the system properties say; see fast(). */
    private static FastPath fast;

    /**
     * The fast path every command runs on (chapter 13), installed on first
     * use: the Vector API kernel on every processor, micro-batches, the
     * buffered generator; or the plain code of chapters 1–12 with
     * {@code -Dscratchformer.plain=true}.
     */
    static synchronized FastPath fast() {
        if (fast == null) {
            fast = FastPath.fromProperties();
        }
        return fast;
    }

    /** Installs the fast path again: plain or not, on {@code threads}. */
    static synchronized FastPath reinstall(boolean plain, int threads) {
        if (fast != null) {
            fast.uninstall();
        }
        fast = FastPath.install(plain, threads);
        return fast;
    }

    /** Runs the program and returns its exit code. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        fast();  // every product from here on runs on chapter 13's kernel
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        // bad input (an unknown op, a bad file) is one sentence, not a trace
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (!(e instanceof IllegalArgumentException)) {
                throw e;
            }
            line.getErr().println("error: " + e.getMessage());
            return 2;
        });
        if (args.length == 0) {
            args = MAIN_JOB;
        }
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this),
                "name a command: gradcheck, train, translate, eval,"
                + " attention, data, bench, exercise");
    }
}
