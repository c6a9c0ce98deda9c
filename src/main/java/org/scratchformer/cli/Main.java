package org.scratchformer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.scratchformer.fast.FastPath;
import org.scratchformer.tensor.Products;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;
import picocli.CommandLine.ScopeType;
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
            "An error is one line, `error: ...`, and an exit code of its"
                + " own (below); --verbose adds the stack trace.%n"},
        subcommands = {
                GradCheckCommand.class,
                ExerciseCommand.class,
                DataCommand.class,
                BenchCommand.class,
                TrainCommand.class,
                TranslateCommand.class,
                EvalCommand.class,
                AttentionCommand.class,
                ExploreCommand.class,
                ScoreCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On an error, print its stack trace after its"
                    + " one line.")
    boolean verbose;

    /**
     * What the program does with no command: the README's main job. It
     * retrains the demo every time it runs, so it replaces runs/demo.
     */
    static final String[] MAIN_JOB = {"train", "--task", "numbers",
        "--preset", "demo", "--out", "runs/demo", "--force"};

    public static void main(String[] args) throws InterruptedException {
        VectorLaunch.Plan plan = VectorLaunch.plan();
        if (plan == VectorLaunch.Plan.RELAUNCH) {
            try {
                System.exit(VectorLaunch.relaunch(args));
            } catch (IOException e) {
                System.err.println("error: cannot start java again with "
                        + VectorLaunch.MODULE + ": " + ExitCodes.ioMessage(e));
                System.exit(ExitCodes.SYSTEM);
            }
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

    /**
     * Runs the program and returns its exit code. Every error is one line
     * and a code of {@link ExitCodes}: picocli's handlers print usage
     * errors and the errors of a command, its mapper gives the code.
     */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        return configure(new CommandLine(new Main()), out, err).execute(
                args.length == 0 ? MAIN_JOB : args);
    }

    /** The program's command line, with its handlers and streams. */
    static CommandLine configure(CommandLine commandLine, PrintWriter out,
            PrintWriter err) {
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(new ExitCodes());
        commandLine.setParameterExceptionHandler(Main::optionError);
        commandLine.setExecutionExceptionHandler(Main::commandError);
        commandLine.setExecutionStrategy(Main::execute);
        ExitCodes.listIn(commandLine);
        return commandLine;
    }

    /**
     * Runs the command on chapter 13's fast path; an {@link Error} (out of
     * memory, a stack overflow) goes to the handler as the exceptions do.
     */
    private static int execute(ParseResult parsed) {
        try {
            fast();  // every product from here on runs on chapter 13's kernel
            return new RunLast().execute(parsed);
        } catch (Error e) {
            throw new ExecutionException(parsed.commandSpec().commandLine(),
                    String.valueOf(e), e);
        }
    }

    /** A command's error: one line, the stack trace with --verbose. */
    private static int commandError(Exception e, CommandLine line,
            ParseResult parsed) {
        Throwable error = e instanceof ExecutionException
                && e.getCause() != null ? e.getCause() : e;
        int code = line.getExitCodeExceptionMapper().getExitCode(error);
        PrintWriter err = line.getErr();
        err.println("error: " + ExitCodes.message(error, code));
        if (verbose(parsed)) {
            error.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** Whether --verbose was given, to the program or to its command. */
    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /**
     * An option's error, on one line. A command's own refusal says all in
     * its sentence; picocli's (a missing, unknown or repeated option) ends
     * with where the options are listed, or its suggestions for a typo.
     */
    private static int optionError(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        List<String> suggestions = e instanceof UnmatchedArgumentException u
                ? u.getSuggestions() : List.of();
        String hint = !suggestions.isEmpty() ? " (did you mean "
                + String.join(" or ", suggestions.subList(0, Math.min(3,
                suggestions.size()))) + "?)"
                : e.getClass() != ParameterException.class ? " ("
                + line.getCommandSpec().qualifiedName() + " --help lists the"
                + " options)" : "";
        line.getErr().println("error: " + ExitCodes.message(e,
                ExitCodes.USAGE) + hint);
        line.getErr().flush();
        return line.getExitCodeExceptionMapper().getExitCode(e);
    }

    /** The message of an I/O error and of its causes, on one line. */
    static String ioMessage(Exception e) {
        return ExitCodes.ioMessage(e);
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
                + " attention, explore, score, data, bench, exercise");
    }
}
