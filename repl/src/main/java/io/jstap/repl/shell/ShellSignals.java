package io.jstap.repl.shell;

import io.jstap.runtime.live.LiveSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Terminal;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGHUP end the REPL the orderly way, as {@code :quit} does: end probes run once, everything
 * is detached and released, history is saved, exit status 0. The session is closed on a thread of its own
 * (it waits for a statement being evaluated), then the prompt is interrupted until the reading loop has
 * seen the closed session and left (an interrupt landing just before the reader waits would be lost).
 * Later signals are ignored: a second one during the exit must not end the JVM with 128+n half way
 * through. When the loop ends otherwise, the previous handlers come back (the REPL may run inside a
 * longer-lived JVM); after a signal they stay, ignoring, until the process exits.
 *
 * <p>SIGINT is passed to the terminal as JLine's own handler does; a dumb terminal (input from a pipe)
 * registers none, and the JVM's default would end the REPL with 130 on a Ctrl-C meant for a statement.
 */
final class ShellSignals {

    private static final String[] SIGNALS = {"TERM", "HUP"};

    private final CountDownLatch loopEnded = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    private ShellSignals() {
    }

    static ShellSignals install(LiveSession session, Terminal terminal) {
        ShellSignals s = new ShellSignals();
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                s.previous.put(signal, Signal.handle(signal, sig -> {
                    if (s.started.compareAndSet(false, true)) {
                        Thread t = new Thread(() -> s.close(session, terminal), "repl-signal-exit");
                        t.setDaemon(true);
                        t.start();
                    }
                }));
            } catch (IllegalArgumentException e) {
                // not offered here: the JVM's default handling stays
            }
        }
        try {
            Signal intr = new Signal("INT");
            s.previous.put(intr, Signal.handle(intr, sig -> terminal.raise(Terminal.Signal.INT)));
        } catch (IllegalArgumentException e) {
            // not offered here
        }
        return s;
    }

    /** The reading loop has ended: stop interrupting it. */
    void loopEnded() {
        loopEnded.countDown();
        if (!started.get()) {
            previous.forEach(Signal::handle);
        }
    }

    private void close(LiveSession session, Terminal terminal) {
        session.interrupt(); // a running statement stops at its next action
        session.close();
        try {
            do {
                terminal.raise(Terminal.Signal.INT);
            } while (!loopEnded.await(200, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
