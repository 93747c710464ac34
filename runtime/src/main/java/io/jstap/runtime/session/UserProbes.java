package io.jstap.runtime.session;

import io.jstap.compiler.exec.Interpreter;
import io.jstap.compiler.exec.ProbeOutcome;
import io.jstap.compiler.module.Module;
import io.jstap.compiler.module.UserProbe;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs a module's userspace probes with stap's rules: begin, end and error probes in order of their
 * sequence number ({@code begin(-1)} first), then source order; each one only while the session is in the
 * state it belongs to (a begin or end probe is skipped once the session is in error, error probes run
 * only then); timers never after the run started stopping. A handler's {@code exit()} stops the run,
 * {@code abort()} puts it in error, a run-time error is reported through {@link RunControl}.
 */
final class UserProbes {

    private final Interpreter interp;
    private final RunControl control;
    private final List<UserProbe> begin = new ArrayList<>();
    private final List<UserProbe> end = new ArrayList<>();
    private final List<UserProbe> error = new ArrayList<>();
    private final List<UserProbe> timers = new ArrayList<>();

    /** An end-of-run action run among the end probes with sequence number 0, after the script's own. */
    interface EndAction {
        void run();
    }

    UserProbes(Module module, Interpreter interp, RunControl control) {
        this.interp = interp;
        this.control = control;
        for (UserProbe p : module.userProbes()) {
            UserProbe.Trigger t = p.trigger();
            if (t instanceof UserProbe.Trigger.Begin) {
                begin.add(p);
            } else if (t instanceof UserProbe.Trigger.End) {
                end.add(p);
            } else if (t instanceof UserProbe.Trigger.Error) {
                error.add(p);
            } else if (t instanceof UserProbe.Trigger.Timer) {
                timers.add(p);
            }
        }
        Comparator<UserProbe> bySeq = Comparator.comparingLong(UserProbes::seq);
        begin.sort(bySeq); // List.sort is stable: equal numbers keep source order
        end.sort(bySeq);
        error.sort(bySeq);
    }

    static long seq(UserProbe p) {
        UserProbe.Trigger t = p.trigger();
        if (t instanceof UserProbe.Trigger.Begin b) {
            return b.seq();
        }
        if (t instanceof UserProbe.Trigger.End e) {
            return e.seq();
        }
        if (t instanceof UserProbe.Trigger.Error e) {
            return e.seq();
        }
        return 0;
    }

    List<UserProbe> timers() {
        return timers;
    }

    /** Begin probes until one fails into the error state. */
    void runBegin() {
        for (UserProbe p : begin) {
            if (control.errorState()) {
                return;
            }
            run(p, true);
        }
    }

    /**
     * End probes, with {@code display} where stap's synthetic end probe of unread globals would run
     * (after the end probes numbered 0 or less); nothing once the session is in error.
     */
    void runEnd(EndAction display) {
        boolean shown = false;
        for (UserProbe p : end) {
            if (!shown && seq(p) > 0) {
                shown = true;
                runAction(display);
            }
            if (control.errorState()) {
                return;
            }
            run(p, true);
        }
        if (!shown) {
            runAction(display);
        }
    }

    private void runAction(EndAction display) {
        if (control.errorState()) {
            return;
        }
        try {
            display.run();
        } catch (RuntimeException e) {
            control.runtimeError(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** Error probes, when the session ended in error. */
    void runError() {
        for (UserProbe p : error) {
            run(p, true);
        }
    }

    /** One timer firing; skipped once the run is stopping. */
    void runTimer(UserProbe p) {
        if (!control.stopping()) {
            run(p, false);
        }
    }

    private void run(UserProbe p, boolean interruptible) {
        ProbeOutcome o;
        try {
            o = interp.runProbe(p.ir(), interruptible);
        } catch (RuntimeException e) {
            // inconsistent IR: a compiler bug, reported like a probe error rather than a stack trace
            control.runtimeError("internal error in probe " + p.name() + ": " + e);
            return;
        }
        switch (o.status()) {
            case ERROR:
                control.runtimeError(o.message());
                break;
            case ABORTED:
                control.abort();
                break;
            default:
                break;
        }
        if (interp.exitRequested()) {
            control.exitRequested();
        }
    }
}
