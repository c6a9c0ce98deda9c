package org.scratchformer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.scratchformer.fast.FastPath;
import org.scratchformer.tensor.Products;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code scratchformer} program. With no command it runs its main job:
 * it trains the demo translator (English number words to French) into
 * {@code runs/demo}, replacing the run there, and shows what it learned.
 */
@Command(name = "scratchformer", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {"A Transformer built from scratch, one chapter at a"
                + " time.",
            "",
            "With no command, trains the demo translator (English number"
                + " words to French) into runs/demo, replacing the run"
                + " there, and shows what it learned: `train --task numbers"
                + " --preset demo --out runs/demo --force` (about a minute"
                + " on two cores)."},
        footer = {"",
            "The matrix kernel: without --add-modules jdk.incubator.vector"
                + " on its java command line, the program starts itself"
                + " again with it (and -Xmn1g -XX:G1HeapRegionSize=16m);"
                + " -Dscratchformer.kernel=plain runs the slower plain-Java"
                + " kernel instead, with the same results.",
            "",
            "Exit codes: 0 done; 1 a check failed (gradcheck, exercise) or"
                + " a file could not be read or written; 2 bad input (an"
                + " option, a sentence, a run folder).%n"},
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

    /**
     * What the program does with no command: the README's main job. It
     * retrains the demo every time it runs, so it replaces runs/demo.
     */
    static final String[] MAIN_JOB = {"train", "--task", "numbers",
        "--preset", "demo", "--out", "runs/demo", "--force"};

    public static void main(String[] args) throws IOException,
            InterruptedException {
        VectorLaunch.Plan plan = VectorLaunch.plan();
        if (plan == VectorLaunch.Plan.RELAUNCH) {
            System.exit(VectorLaunch.relaunch(args));
        }
        VectorLaunch.plainNote(plan).ifPresent(System.err::println);
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
        commandLine.setParameterExceptionHandler(Main::optionError);
        // bad input (an unknown op, a bad file) is one sentence, not a
        // trace; so is a file that cannot be written
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                line.getErr().println("error: " + e.getMessage());
                return 2;
            }
            if (e instanceof IOException
                    || e instanceof UncheckedIOException) {
                line.getErr().println("error: " + ioMessage(e));
                return 1;
            }
            throw e;
        });
        if (args.length == 0) {
            args = MAIN_JOB;
        }
        return commandLine.execute(args);
    }

    /**
     * An option's error: its one line, then where the options are listed
     * (a mistyped option or command gets picocli's suggestions instead).
     */
    private static int optionError(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        err.println("error: " + e.getMessage());
        if (!UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("(" + line.getCommandSpec().qualifiedName()
                    + " --help lists the options)");
        }
        err.flush();
        return line.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The message of an I/O error and of its causes, on one line. */
    static String ioMessage(Exception e) {
        StringBuilder text = new StringBuilder(String.valueOf(
                e.getMessage()));
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c.getMessage() != null
                    && !text.toString().contains(c.getMessage())) {
                text.append(": ").append(c.getMessage());
            }
        }
        return text.toString();
    }

    /** The name of the kernel the fast path installed. */
    static String kernelName() {
        fast();
        return Products.kernel().name();
    }

    /** The version, and which matrix kernel this JVM runs. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Scratchformer 0.1.0",
                "matrix kernel: " + kernelName()};
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this),
                "name a command: gradcheck, train, translate, eval,"
                + " attention, score, data, bench, exercise");
    }
}
