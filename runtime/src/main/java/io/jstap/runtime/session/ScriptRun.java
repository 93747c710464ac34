package io.jstap.runtime.session;

import io.jstap.compiler.exec.Interpreter;
import io.jstap.compiler.exec.JvmHostContext;
import io.jstap.compiler.module.Module;
import io.jstap.runtime.output.Output;
import io.jstap.runtime.output.OutputException;
import io.jstap.runtime.output.Outputs;
import io.jstap.runtime.output.RecordDecoder;
import java.nio.file.Path;

/**
 * The command-line life of one script, as stap runs it: load the module, run begin probes, attach the
 * kernel probes, let the {@code -c} command go, fire userspace timers, and wait for the end: {@code exit()}
 * (kernel or userspace), the command's exit, the {@code -T} timeout, SIGINT/SIGTERM/SIGHUP, or a run-time
 * error. Then, on every path: stop timers, detach, drain the ring buffer, run end probes once (or error
 * probes after an error), show unread globals, report errors and lost records, release every kernel
 * object, flush. The exit status is stap's: 0, or 1 after any {@code ERROR:} or a failed command.
 */
public final class ScriptRun {

    private final Module module;
    private final RunOptions options;
    private final Output out;
    private final RunControl control;
    private TargetCommand command;
    private ModuleInstance instance;
    private UserProbes probes;
    private TimerProbes timers;
    private boolean commandFailed;
    private SignalWatch signals;

    private ScriptRun(Module module, RunOptions options, Output out) {
        this.module = module;
        this.options = options;
        this.out = out;
        this.control = new RunControl(out, options.maxErrors(), options.suppressHandlerErrors());
    }

    /** Runs {@code module} writing to {@code out} (which the caller closes); returns the exit status. */
    public static int run(Module module, RunOptions options, Output out) {
        return new ScriptRun(module, options, out).execute();
    }

    /** Runs {@code module} with the output {@code options} name (stdout or {@code -o FILE}, text or JSON). */
    public static int run(Module module, RunOptions options) {
        Output out;
        try {
            out = Outputs.open(options.format(), options.outputFile() == null ? null : Path.of(options.outputFile()));
        } catch (OutputException e) {
            System.err.println("ERROR: " + e.getMessage());
            return 1;
        }
        try {
            return run(module, options, out);
        } finally {
            out.close();
        }
    }

    private int execute() {
        signals = SignalWatch.install(control, Thread.currentThread());
        try {
            if (start()) {
                awaitEnd();
            }
        } catch (RuntimeException e) {
            control.fatal(message(e));
        } finally {
            Thread.interrupted(); // a signal may have interrupted the wait: cleanup must not be cut short
            try {
                finish();
            } catch (RuntimeException e) {
                control.fatal(message(e));
            } finally {
                try {
                    release();
                } catch (RuntimeException e) {
                    control.fatal("releasing kernel objects: " + message(e));
                } finally {
                    signals.close();
                    out.flush();
                }
            }
        }
        return control.errorPrinted() || commandFailed ? 1 : 0;
    }

    /** Load, begin probes, attach, release the command, start timers; false when the run failed early. */
    private boolean start() {
        if (options.command() != null) {
            try {
                command = TargetCommand.start(options.command());
            } catch (IllegalArgumentException e) {
                control.fatal(e.getMessage());
                return false;
            }
        }
        long target = command != null ? command.pid() : options.targetPid() != null ? options.targetPid() : 0;
        try {
            instance = ModuleInstance.load(module, target);
        } catch (RuntimeException e) {
            control.fatal(message(e));
            return false;
        }
        Interpreter interp = new Interpreter(module.ir(), instance.store(), out.asSink(), module.limits(),
                new JvmHostContext(target));
        probes = new UserProbes(module, interp, control);
        instance.openOutput(new RecordDecoder(module, out, control));
        probes.runBegin();
        if (control.stopping()) {
            return true;
        }
        try {
            instance.attach();
        } catch (ModuleLoadException e) {
            control.fatal(e.getMessage());
            return false;
        }
        if (command != null) {
            command.onExit().thenRun(() -> control.requestStop(RunControl.Stop.COMMAND));
            command.release();
        }
        if (!probes.timers().isEmpty()) {
            timers = TimerProbes.start(probes.timers(), probes::runTimer);
        }
        return true;
    }

    private void awaitEnd() {
        long nanos = options.timeoutSeconds() == null ? -1 : (long) (options.timeoutSeconds() * 1e9);
        try {
            if (!control.awaitStop(nanos)) {
                control.requestStop(RunControl.Stop.TIMEOUT);
            }
        } catch (InterruptedException e) {
            control.requestStop(RunControl.Stop.SIGNAL);
        }
    }

    /** Everything after the stop, in stap's order. */
    private void finish() {
        if (timers != null) {
            timers.stop();
            Thread.interrupted();
        }
        if (instance != null) {
            instance.detach();
            instance.closeOutput(); // records still in the ring are shown (and their errors counted)
        }
        reportCommand();
        if (probes != null) {
            signals.interruptibly(() -> {
                if (!control.errorState()) {
                    probes.runEnd(() -> out.globals(UnreadGlobals.read(module, instance.store())));
                }
                if (control.errorState()) {
                    probes.runError();
                }
            });
        }
        if (control.handlerErrors() > 0) {
            out.warning("Number of errors: " + control.handlerErrors() + ", skipped probes: 0");
        }
        if (instance != null) {
            out.lost(instance.lostRecords());
            Throwable failure = instance.outputFailure();
            if (failure != null) {
                control.fatal("reading kernel probe output failed: " + message(failure));
            }
        }
    }

    /** stapio's warnings for a {@code -c} command that failed. */
    private void reportCommand() {
        if (command == null || !command.released() || command.alive()) {
            return;
        }
        int status = command.exitValue();
        if (status > 128) {
            out.warning("Child process exited with signal " + (status - 128) + " (" + SignalNames.of(status - 128) + ")");
            commandFailed = true;
        } else if (status != 0) {
            out.warning("Child process exited with status " + status);
            commandFailed = true;
        }
    }

    private void release() {
        try {
            if (instance != null) {
                instance.close();
            }
        } finally {
            if (command != null) {
                command.close();
            }
        }
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.toString() : m;
    }
}
