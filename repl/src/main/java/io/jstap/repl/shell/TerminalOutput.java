package io.jstap.repl.shell;

import io.jstap.compiler.format.GlobalPrinter;
import io.jstap.compiler.format.GlobalValue;
import io.jstap.runtime.output.Output;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Probe output in the terminal. Text arrives from the ring buffer reader and timer threads in pieces; whole
 * lines are queued and a printer thread writes them above the prompt in batches, so a flood of output never
 * blocks the kernel side for long and the prompt stays usable. The queue is bounded: lines beyond it are
 * counted and reported, never silently lost. {@link #discard()} (Ctrl-C) drops what is queued.
 */
final class TerminalOutput implements Output {

    /** Lines kept waiting at most; beyond this they are counted as not shown. */
    static final int MAX_QUEUED = 20_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final Consumer<AttributedString> printer;
    private final BooleanSupplier colour;
    private final BooleanSupplier timestamps;
    private final StringBuilder partial = new StringBuilder();
    private final List<AttributedString> queue = new ArrayList<>();
    private long dropped;
    private boolean inFlight;
    private boolean held;
    private boolean closed;
    private final Thread thread;

    /** {@code printer} writes one batch above the prompt (LineReader.printAbove). */
    TerminalOutput(Consumer<AttributedString> printer, BooleanSupplier colour, BooleanSupplier timestamps) {
        this.printer = printer;
        this.colour = colour;
        this.timestamps = timestamps;
        this.thread = new Thread(this::run, "repl-output");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void print(CharSequence text) {
        partial.append(text);
        int nl;
        while ((nl = partial.indexOf("\n")) >= 0) {
            enqueue(plain(partial.substring(0, nl)));
            partial.delete(0, nl + 1);
        }
    }

    private AttributedString plain(String line) {
        if (!timestamps.getAsBoolean()) {
            return new AttributedString(line);
        }
        AttributedStringBuilder sb = new AttributedStringBuilder();
        sb.styled(style(AttributedStyle.DEFAULT.faint()), LocalTime.now().format(TIME) + " ");
        return sb.append(line).toAttributedString();
    }

    private AttributedStyle style(AttributedStyle s) {
        return colour.getAsBoolean() ? s : AttributedStyle.DEFAULT;
    }

    private void enqueue(AttributedString line) {
        if (closed) {
            return;
        }
        if (queue.size() >= MAX_QUEUED) {
            dropped++;
            return;
        }
        queue.add(line);
        notifyAll();
    }

    @Override
    public synchronized void warning(String message) {
        flushPartial();
        enqueue(message("WARNING: ", message, AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW)));
    }

    @Override
    public synchronized void error(String message) {
        flushPartial();
        enqueue(message("ERROR: ", message, AttributedStyle.BOLD.foreground(AttributedStyle.RED)));
    }

    private AttributedString message(String prefix, String message, AttributedStyle st) {
        String m = message.endsWith("\n") ? message.substring(0, message.length() - 1) : message;
        return new AttributedStringBuilder().styled(style(st), prefix).append(m).toAttributedString();
    }

    @Override
    public synchronized void globals(List<GlobalValue> values) {
        print(GlobalPrinter.print(values));
    }

    @Override
    public synchronized void lost(long records) {
        if (records > 0) {
            warning("There were " + records + " transport failures.");
        }
    }

    @Override
    public synchronized void flush() {
    }

    /** Writes a line that does not end in a newline yet (the end of a probe's output). */
    private void flushPartial() {
        if (partial.length() > 0) {
            enqueue(plain(partial.toString()));
            partial.setLength(0);
        }
    }

    /** Holds output back (while an editor owns the screen) or lets it go again. */
    synchronized void hold(boolean on) {
        held = on;
        notifyAll();
    }

    /** Drops every queued line (Ctrl-C in a flood); returns how many. */
    synchronized long discard() {
        long n = queue.size() + dropped;
        queue.clear();
        dropped = 0;
        partial.setLength(0);
        return n;
    }

    /** Waits until everything queued has been written (before the prompt comes back, or at the end). */
    synchronized void drain() {
        flushPartial();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while ((!queue.isEmpty() && !held || inFlight) && System.nanoTime() < deadline) {
            try {
                wait(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void run() {
        while (true) {
            List<AttributedString> batch;
            long lost;
            synchronized (this) {
                while ((queue.isEmpty() && dropped == 0 || held) && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed && queue.isEmpty()) {
                    return;
                }
                batch = new ArrayList<>(queue);
                queue.clear();
                lost = dropped;
                dropped = 0;
                inFlight = true;
            }
            AttributedStringBuilder sb = new AttributedStringBuilder();
            for (int i = 0; i < batch.size(); i++) {
                sb.append(batch.get(i));
                if (i < batch.size() - 1 || lost > 0) {
                    sb.append('\n');
                }
            }
            if (lost > 0) {
                sb.styled(style(AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW)),
                        "[" + lost + " lines of output not shown: the terminal could not keep up]");
            }
            try {
                printer.accept(sb.toAttributedString());
            } finally {
                synchronized (this) {
                    inFlight = false;
                    notifyAll();
                }
            }
        }
    }

    @Override
    public void close() {
        drain();
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
