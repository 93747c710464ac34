package io.jstap.runtime.live;

import io.jstap.compiler.format.GlobalPrinter;
import io.jstap.compiler.format.GlobalValue;
import io.jstap.runtime.output.Output;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The session's output: what probes print goes to the terminal's {@link Output}, or after
 * {@code :set output FILE} to that file (appended); warnings and errors always reach the terminal.
 */
final class OutputSwitch implements Output {

    private final Output terminal;
    private Writer file;
    private Path path;

    OutputSwitch(Output terminal) {
        this.terminal = terminal;
    }

    /** Sends printed text to {@code target} (appending), or back to the terminal when null. */
    synchronized void redirect(Path target) throws IOException {
        Writer next = target == null ? null : new BufferedWriter(Files.newBufferedWriter(target, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
        closeFile();
        file = next;
        path = target;
    }

    synchronized Path file() {
        return path;
    }

    @Override
    public synchronized void print(CharSequence text) {
        if (file == null) {
            terminal.print(text);
            return;
        }
        try {
            file.append(text);
        } catch (IOException e) {
            terminal.error("cannot write to " + path + ": " + e.getMessage() + "; output goes to the terminal again");
            closeFile();
            terminal.print(text);
        }
    }

    @Override
    public void warning(String message) {
        flush();
        terminal.warning(message);
    }

    @Override
    public void error(String message) {
        flush();
        terminal.error(message);
    }

    @Override
    public synchronized void globals(List<GlobalValue> values) {
        if (file == null) {
            terminal.globals(values);
        } else {
            print(GlobalPrinter.print(values));
        }
    }

    @Override
    public void lost(long records) {
        terminal.lost(records);
    }

    @Override
    public synchronized void flush() {
        if (file != null) {
            try {
                file.flush();
            } catch (IOException e) {
                terminal.error("cannot write to " + path + ": " + e.getMessage());
                closeFile();
            }
        }
        terminal.flush();
    }

    private void closeFile() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // the file is being abandoned; what could not be written was reported on flush
            }
            file = null;
            path = null;
        }
    }

    @Override
    public synchronized void close() {
        flush();
        closeFile();
    }
}
