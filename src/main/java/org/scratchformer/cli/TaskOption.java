package org.scratchformer.cli;

import picocli.CommandLine.Option;

/** The {@code --task} option of the commands that make data: data, train. */
final class TaskOption {
    @Option(names = "--task", defaultValue = "numbers",
            description = "numbers, numbers-by-digits (the numbers with"
                    + " the first draw of chapter 11), copy or reverse"
                    + " (default: ${DEFAULT-VALUE}).")
    String name;
}
