package org.scratchformer.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Range checks of numeric options, made while picocli parses the command
 * line (an option's setter calls one), so that a bad value stops the
 * command before it does any work. The message names the option, the value
 * given and what is allowed.
 */
final class OptionRanges {
    private OptionRanges() {
    }

    /** {@code value}, if it is at least {@code min}. */
    static int atLeast(CommandSpec spec, String option, int value, int min) {
        if (value < min) {
            throw new ParameterException(spec.commandLine(), option
                    + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    /**
     * {@code value}, if it is {@code min} to {@code max}; {@code max} is
     * named by {@code what} ("the batch size") when not empty.
     */
    static int between(CommandSpec spec, String option, int value, int min,
            int max, String what) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), option
                    + " must be " + min + " to " + max
                    + (what.isEmpty() ? "" : " (" + what + ")") + ", got "
                    + value);
        }
        return value;
    }
}
