package io.jstap.runtime.session;

import io.jstap.runtime.output.OutputFormat;

/**
 * How the command line runs one script.
 *
 * @param command               {@code -c CMD}: run CMD once the probes are attached and stop when it exits
 *                              ({@code target()} is its pid), or null
 * @param targetPid             {@code -x PID}: {@code target()} is PID (the script runs independently of it),
 *                              or null
 * @param timeoutSeconds        {@code -T SECONDS}: stop after this long, or null
 * @param outputFile            {@code -o FILE}: the script's text goes there instead of stdout, or null
 * @param format                text as stap, or JSON lines as bpftrace's {@code -f json}
 * @param maxErrors             {@code -D MAXERRORS=N}: run-time errors tolerated before the run stops (stap: 0)
 * @param suppressHandlerErrors {@code --suppress-handler-errors}: a failing probe handler is ended silently
 */
public record RunOptions(String command, Integer targetPid, Double timeoutSeconds, String outputFile,
                         OutputFormat format, int maxErrors, boolean suppressHandlerErrors) {

    public RunOptions {
        if (command != null && targetPid != null) {
            throw new IllegalArgumentException("You can't specify -c and -x options together.");
        }
        if (command != null && command.isBlank()) {
            throw new IllegalArgumentException("empty -c COMMAND");
        }
        if (targetPid != null && targetPid <= 0) {
            throw new IllegalArgumentException("-x takes a process id, not " + targetPid);
        }
        if (timeoutSeconds != null && !(timeoutSeconds > 0)) {
            throw new IllegalArgumentException("-T takes a positive number of seconds, not " + timeoutSeconds);
        }
        if (maxErrors < 0) {
            throw new IllegalArgumentException("MAXERRORS must not be negative, got " + maxErrors);
        }
        format = format == null ? OutputFormat.TEXT : format;
    }

    /** No command, no target, no timeout, stdout, text, stap's defaults. */
    public static RunOptions defaults() {
        return new RunOptions(null, null, null, null, OutputFormat.TEXT, 0, false);
    }

    public RunOptions withCommand(String c) {
        return new RunOptions(c, targetPid, timeoutSeconds, outputFile, format, maxErrors, suppressHandlerErrors);
    }

    public RunOptions withTargetPid(Integer pid) {
        return new RunOptions(command, pid, timeoutSeconds, outputFile, format, maxErrors, suppressHandlerErrors);
    }

    public RunOptions withTimeout(Double seconds) {
        return new RunOptions(command, targetPid, seconds, outputFile, format, maxErrors, suppressHandlerErrors);
    }

    public RunOptions withOutputFile(String file) {
        return new RunOptions(command, targetPid, timeoutSeconds, file, format, maxErrors, suppressHandlerErrors);
    }

    public RunOptions withFormat(OutputFormat f) {
        return new RunOptions(command, targetPid, timeoutSeconds, outputFile, f, maxErrors, suppressHandlerErrors);
    }

    public RunOptions withMaxErrors(int n) {
        return new RunOptions(command, targetPid, timeoutSeconds, outputFile, format, n, suppressHandlerErrors);
    }

    public RunOptions withSuppressHandlerErrors(boolean b) {
        return new RunOptions(command, targetPid, timeoutSeconds, outputFile, format, maxErrors, b);
    }
}
