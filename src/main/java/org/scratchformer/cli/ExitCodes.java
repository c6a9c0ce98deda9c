package org.scratchformer.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.scratchformer.tensor.NonFiniteException;
import org.scratchformer.translation.checkpoint.BadFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;

/**
 * The program's exit codes, one per kind of failure, and the one line
 * that says what failed. picocli asks {@link #getExitCode} for the code of
 * an error; every command's help lists them ({@link #LIST}, also in the
 * README).
 */
final class ExitCodes implements IExitCodeExceptionMapper {
    static final int DONE = 0;
    /** gradcheck found a wrong gradient; exercise, a failing test. */
    static final int CHECK_FAILED = 1;
    /** A command, option, argument or sentence that is refused. */
    static final int USAGE = 2;
    /** A file that is missing, damaged or does not match its run. */
    static final int BAD_FILE = 3;
    /** A NaN or an infinity in the numbers: training stopped on it. */
    static final int NUMERICAL = 4;
    /** The system refused: a file cannot be written, memory ran out. */
    static final int SYSTEM = 5;
    /** A bug in the program. */
    static final int INTERNAL = 6;

    /** The codes as --help lists them. */
    static final Map<String, String> LIST = list();

    private static Map<String, String> list() {
        Map<String, String> list = new LinkedHashMap<>();
        list.put(" " + DONE, "done");
        list.put(" " + CHECK_FAILED, "a check failed: a gradient (gradcheck),"
                + " a test (exercise)");
        list.put(" " + USAGE, "usage: a command, option, argument or"
                + " sentence refused");
        list.put(" " + BAD_FILE, "bad input file: a run folder or file that"
                + " is missing, damaged or does not match");
        list.put(" " + NUMERICAL, "numerical failure: a NaN or an infinity"
                + " (train stops before the update, keeps the last"
                + " checkpoint; --detect-anomaly names the op)");
        list.put(" " + SYSTEM, "the system: a file that cannot be written,"
                + " memory that ran out");
        list.put(" " + INTERNAL, "internal error: a bug; --verbose prints"
                + " its stack trace");
        return list;
    }

    /** Every command's help ends with the list of exit codes. */
    static void listIn(CommandLine line) {
        line.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit codes:%n").exitCodeList(LIST);
        line.getSubcommands().values().forEach(ExitCodes::listIn);
    }

    @Override
    public int getExitCode(Throwable error) {
        if (error instanceof NonFiniteException) {
            return NUMERICAL;  // an IllegalArgumentException, but no usage
        }
        if (error instanceof ParameterException
                || error instanceof IllegalArgumentException) {
            return USAGE;
        }
        if (error instanceof BadFileException
                || error.getCause() instanceof BadFileException) {
            return BAD_FILE;
        }
        if (error instanceof IOException
                || error instanceof UncheckedIOException
                || error instanceof OutOfMemoryError) {
            return SYSTEM;
        }
        return INTERNAL;
    }

    /** What failed, on one line, for {@code error: ...}. */
    static String message(Throwable error, int code) {
        String text = switch (code) {
            case SYSTEM -> error instanceof OutOfMemoryError
                    ? String.format(Locale.ROOT, "out of memory (%s); this"
                    + " JVM may use %,d MB: give it more with -Xmx, as in"
                    + " java -Xmx8g -jar scratchformer.jar",
                    error.getMessage(),
                    Runtime.getRuntime().maxMemory() >> 20)
                    : ioMessage(error);
            case INTERNAL -> "internal error, a bug in the program: "
                    + error + (error.getCause() == null ? ""
                    : " (caused by " + error.getCause() + ")")
                    + "; --verbose prints where";
            default -> String.valueOf(error.getMessage());
        };
        return text.replaceAll("\\R", " ");
    }

    /** The message of an I/O error and of its causes, on one line. */
    static String ioMessage(Throwable e) {
        StringBuilder text = new StringBuilder(describe(e));
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            String more = describe(c);
            if (!text.toString().contains(more)) {
                text.append(": ").append(more);
            }
        }
        return text.toString();
    }

    /** A file system's error in words: "/x/y: permission denied". */
    private static String describe(Throwable e) {
        if (!(e instanceof FileSystemException f)) {
            return String.valueOf(e.getMessage());
        }
        String what = e instanceof NoSuchFileException ? "no such file or"
                + " folder" : e instanceof AccessDeniedException
                ? "permission denied" : e instanceof FileAlreadyExistsException
                ? "it already exists" : e instanceof NotDirectoryException
                ? "not a folder" : e instanceof DirectoryNotEmptyException
                ? "the folder is not empty" : f.getReason() != null
                ? f.getReason() : e.getClass().getSimpleName();
        return f.getFile() + (f.getOtherFile() == null ? ""
                : " -> " + f.getOtherFile()) + ": " + what;
    }
}
