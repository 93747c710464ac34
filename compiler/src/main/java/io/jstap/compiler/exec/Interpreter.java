package io.jstap.compiler.exec;

import io.jstap.compiler.format.FormatException;
import io.jstap.compiler.format.HistogramPrinter;
import io.jstap.compiler.format.PrintfFormat;
import io.jstap.compiler.format.StatsException;
import io.jstap.compiler.format.Tokenizer;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.FunctionDecl;
import io.jstap.compiler.ir.IrProgram;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.NestingAnalysis;
import io.jstap.compiler.ir.ProbeBody;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Executes userspace probes (begin, end, error, userspace timers) and REPL expressions over the
 * IR, against a {@link MapStore} shared with the kernel side, with stap's semantics: 64-bit
 * wrap-around, errors such as {@code division by 0 near operator '/' at f:1:2}, strings cut at
 * MAXSTRINGLEN-1 bytes, MAXACTION, MAXNESTING and MAXMAPENTRIES.
 *
 * <p>Each run is independent and may happen on any thread; runs do not share frames. A run stops
 * early when its thread is interrupted (checked at every loop iteration and call).
 * Inconsistent IR (unknown globals or functions, wrong types) is a compiler bug and surfaces as
 * IllegalStateException / IllegalArgumentException, not as a probe error.
 */
public final class Interpreter {

    private final IrProgram program;
    private final MapStore store;
    private final OutputSink sink;
    private final RuntimeLimits limits;
    private final HostContext host;
    private final int maxNesting;
    private final Map<String, FunctionDecl> functions = new HashMap<>();
    private final Map<String, PrintfFormat> formats = new ConcurrentHashMap<>();
    private final AtomicBoolean exit = new AtomicBoolean();
    private final ThreadLocal<Tokenizer> tokenizers = ThreadLocal.withInitial(Tokenizer::new);

    public Interpreter(IrProgram program, MapStore store, OutputSink sink, RuntimeLimits limits, HostContext host) {
        this.program = program;
        this.store = store;
        this.sink = sink;
        this.limits = limits;
        this.host = host;
        this.maxNesting = limits.maxNesting() > 0 ? limits.maxNesting() : NestingAnalysis.maxNesting(program);
        for (FunctionDecl f : program.functions()) {
            functions.put(f.name(), f);
        }
    }

    /**
     * Runs a probe handler once. {@code interruptible} selects stap's statement budget: true for
     * begin, end and error probes (MAXACTION_INTERRUPTIBLE), false for timers (MAXACTION).
     */
    public ProbeOutcome runProbe(ProbeBody probe, boolean interruptible) {
        long budget = interruptible ? limits.maxActionInterruptible() : limits.maxAction();
        Execution x = new Execution(this, probe.name(), budget, new Frame(List.of(), probe.locals()));
        try {
            x.exec.run(probe.body());
            return ProbeOutcome.ok(null);
        } catch (RuntimeException | StackOverflowError e) {
            return failure(e);
        } finally {
            sink.flush();
        }
    }

    /**
     * Evaluates an expression now (the REPL's "any expression"), with the given locals
     * (all starting at 0 or ""), under the interruptible statement budget. The outcome's value
     * is a Long, a String (a histogram is rendered as stap prints it), or null for void.
     */
    public ProbeOutcome evaluate(Expr expr, List<LocalVar> locals) {
        Execution x = new Execution(this, "repl", limits.maxActionInterruptible(), new Frame(List.of(), locals));
        try {
            Object v = x.eval.eval(expr);
            if (v instanceof HistValue h) {
                if (h.empty()) {
                    throw x.error(StatsException.EMPTY_AGGREGATE, expr);
                }
                v = HistogramPrinter.render(h.stats());
            }
            return ProbeOutcome.ok(v);
        } catch (RuntimeException | StackOverflowError e) {
            return failure(e);
        } finally {
            sink.flush();
        }
    }

    private ProbeOutcome failure(Throwable e) {
        if (e instanceof ProbeError pe) {
            return ProbeOutcome.error(pe.fullMessage());
        }
        if (e instanceof Execution.Aborted) {
            return new ProbeOutcome(ProbeOutcome.Status.ABORTED, null, null);
        }
        if (e instanceof Execution.Interrupted) {
            return new ProbeOutcome(ProbeOutcome.Status.INTERRUPTED, null, null);
        }
        if (e instanceof StackOverflowError) {
            return ProbeOutcome.error("MAXNESTING exceeded (the interpreter's stack ran out at "
                    + "MAXNESTING " + maxNesting + "; lower it)");
        }
        throw (RuntimeException) e;
    }

    /** True once a probe called {@code exit()} or {@code abort()}. */
    public boolean exitRequested() {
        return exit.get();
    }

    void requestExit() {
        exit.set(true);
    }

    /** The function-frame limit in force: -D MAXNESTING, or stap's default for this program. */
    public int maxNesting() {
        return maxNesting;
    }

    public IrProgram program() {
        return program;
    }

    public MapStore store() {
        return store;
    }

    public OutputSink sink() {
        return sink;
    }

    public RuntimeLimits limits() {
        return limits;
    }

    public HostContext host() {
        return host;
    }

    FunctionDecl function(String name) {
        FunctionDecl f = functions.get(name);
        if (f == null) {
            throw new IllegalStateException("call of unknown function " + name);
        }
        return f;
    }

    /** tokenize()'s state for the running thread (stap keeps it in the probe context). */
    Tokenizer tokenizer() {
        return tokenizers.get();
    }

    Builtins builtins() {
        return Builtins.standard();
    }

    /** Parsed formats, cached; the front end has already rejected malformed ones. */
    PrintfFormat format(String text) {
        return formats.computeIfAbsent(text, t -> {
            try {
                return PrintfFormat.parse(t);
            } catch (FormatException e) {
                throw new IllegalStateException("format \"" + t + "\" should have been rejected: " + e.getMessage(), e);
            }
        });
    }
}
