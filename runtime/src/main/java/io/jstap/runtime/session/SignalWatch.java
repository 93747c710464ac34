package io.jstap.runtime.session;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT, SIGTERM and SIGHUP end the run the orderly way (end probes, display, cleanup), as stapio's
 * signal thread does. Repeated signals while end or error probes run interrupt the thread running them,
 * so a Ctrl-C-mashing user gets out of a long end probe; at any other moment (detaching, draining,
 * releasing kernel objects) they are ignored, since an interrupt there would cut the cleanup short. A
 * signal the platform does not offer (or the JVM reserves) is skipped. {@link #close()} restores the
 * previous handlers, unless a signal asked the run to stop: then they stay ignored, since the user has
 * already asked to leave and a second signal during the exit would otherwise end the JVM with 128+n.
 */
final class SignalWatch implements AutoCloseable {

    private static final String[] SIGNALS = {"INT", "TERM", "HUP"};

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private volatile boolean interruptible;
    private volatile boolean signalled;

    private SignalWatch() {
    }

    static SignalWatch install(RunControl control, Thread probeThread) {
        SignalWatch w = new SignalWatch();
        int[] repeats = new int[1];
        for (String name : SIGNALS) {
            try {
                Signal s = new Signal(name);
                SignalHandler old = Signal.handle(s, sig -> {
                    w.signalled = true;
                    if (!control.signal("SIG" + sig.getName())) {
                        synchronized (repeats) {
                            if (++repeats[0] >= 2 && w.interruptible) {
                                probeThread.interrupt();
                            }
                        }
                    }
                });
                w.signals.add(s);
                w.previous.add(old);
            } catch (IllegalArgumentException e) {
                // not available here (or reserved by the JVM): nothing to watch
            }
        }
        return w;
    }

    /** Runs {@code probes} (end or error probes) as the one stretch that repeated signals may interrupt. */
    void interruptibly(Runnable probes) {
        interruptible = true;
        try {
            probes.run();
        } finally {
            interruptible = false;
            Thread.interrupted(); // a signal may have come as the probes ended
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            try {
                Signal.handle(signals.get(i), signalled ? SignalHandler.SIG_IGN : previous.get(i));
            } catch (IllegalArgumentException e) {
                // cannot happen for a signal we could handle before
            }
        }
        signals.clear();
        previous.clear();
    }
}
