package io.jstap.runtime.output;

import io.jstap.compiler.format.GlobalPrinter;
import io.jstap.compiler.format.GlobalValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * stap's text output: the script's text on stdout (or the {@code -o} file), {@code WARNING:} and
 * {@code ERROR:} lines on stderr after the text written before them, the unread globals in stap's
 * end-of-run format, and lost records in stap's transport-failure wording.
 */
public final class TextOutput implements Output {

    private final StreamWriter out;
    private final PrintStream err;

    public TextOutput(OutputStream out, boolean ownsOut, PrintStream err) {
        this.out = new StreamWriter(out, ownsOut);
        this.err = err;
    }

    /** stdout and stderr of the process. */
    public static TextOutput standard() {
        return new TextOutput(System.out, false, System.err);
    }

    /** Script text into {@code file} (created or truncated, as stap's {@code -o}); messages on stderr. */
    public static TextOutput toFile(Path file, PrintStream err) {
        return new TextOutput(open(file), true, err);
    }

    static OutputStream open(Path file) {
        try {
            return Files.newOutputStream(file);
        } catch (IOException | SecurityException e) {
            throw new OutputException("cannot open output file " + file + ": " + reason(e), e);
        }
    }

    /** The errno-like reason: NIO's exceptions for these cases carry only the path as message. */
    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException || e instanceof SecurityException) {
            return "Permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    @Override
    public synchronized void print(CharSequence text) {
        out.write(text);
    }

    @Override
    public synchronized void warning(String message) {
        message("WARNING: ", message);
    }

    @Override
    public synchronized void error(String message) {
        message("ERROR: ", message);
    }

    private void message(String prefix, String message) {
        out.flush(); // what the script printed before the message comes first
        err.print(prefix + message + (message.endsWith("\n") ? "" : "\n"));
        err.flush();
    }

    @Override
    public synchronized void globals(List<GlobalValue> values) {
        out.write(GlobalPrinter.print(values));
    }

    @Override
    public synchronized void lost(long records) {
        if (records > 0) {
            warning("There were " + records + " transport failures.");
        }
    }

    @Override
    public synchronized void flush() {
        out.flush();
    }

    @Override
    public synchronized void close() {
        out.close();
        err.flush();
    }

    /** The first error writing the script's text (a closed pipe, a full disk), or null. */
    public synchronized IOException writeFailure() {
        return out.failure();
    }
}
