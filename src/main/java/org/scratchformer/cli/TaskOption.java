package org.scratchformer.cli;

import picocli.CommandLine.Option;

/** The {@code --task} option of the commands that make data: data, train. */
final class TaskOption {
    @Option(names = "--task", defaultValue = "numbers",
            description = "numbers, copy or reverse (default:"
                    + " ${DEFAULT-VALUE}).")
    String name;
}
