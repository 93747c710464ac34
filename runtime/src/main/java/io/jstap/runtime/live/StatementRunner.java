package io.jstap.runtime.live;

import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.exec.BufferSink;
import io.jstap.compiler.exec.Interpreter;
import io.jstap.compiler.exec.MapStore;
import io.jstap.compiler.exec.OutputSink;
import io.jstap.compiler.exec.ProbeOutcome;
import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.module.Module;
import io.jstap.compiler.module.UserProbe;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a statement or expression snippet now, in userspace, against the live globals: the session's
 * declarations plus a synthetic {@code probe begin { STMT }} (or {@code { println(EXPR) }}) are compiled,
 * and only that probe's IR runs in the interpreter over the running store. Nothing is loaded into the
 * kernel. A statement that would give a running global another type is not run.
 */
final class StatementRunner {

    /** How it went: compile diagnostics, the expression's value, a run-time error. */
    record Result(boolean compiled, List<Diagnostic> diagnostics, String value, String error, Snippet.Kind ranAs) {
    }

    private final Engine engine;
    private final AtomicReference<Thread> running = new AtomicReference<>();
    /** Set while a statement is being compiled: an interrupt then cancels it before it runs. */
    private volatile boolean compiling;
    private volatile boolean cancelled;

    StatementRunner(Engine engine) {
        this.engine = engine;
    }

    /** Interrupts a statement that is running now; false if none is. */
    boolean interrupt() {
        Thread t = running.get();
        if (t == null) {
            if (compiling) {
                cancelled = true;
                return true;
            }
            return false;
        }
        t.interrupt();
        return true;
    }

    Result run(List<Snippet> active, Snippet s, boolean histogram, RuntimeLimits limits) {
        cancelled = false;
        compiling = true;
        Attempt a;
        try {
            a = attempt(active, s, histogram, limits);
        } finally {
            compiling = false;
        }
        List<Diagnostic> diags = a.compiled.diagnostics().list().stream().map(a.map::remap).toList();
        if (!a.compiled.ok()) {
            return new Result(false, diags, null, null, s.kind());
        }
        Module m = a.compiled.module();
        UserProbe probe = m.userProbes().stream()
                .filter(p -> p.trigger() instanceof UserProbe.Trigger.Begin
                        && a.map.snippetAtLine(p.ir().loc().line()) == s.id())
                .findFirst().orElse(null);
        if (probe == null) {
            return new Result(true, diags, null, "the statement compiled to no userspace code (a compiler bug)",
                    a.kind);
        }
        String conflict = checkGlobals(m);
        if (conflict != null) {
            return new Result(true, diags, null, conflict, a.kind);
        }
        return execute(m, probe, a, diags);
    }

    /** An expression in {@code println}; if that does not compile, as a statement (a void call, say). */
    private Attempt attempt(List<Snippet> active, Snippet s, boolean histogram, RuntimeLimits limits) {
        if (s.kind() != Snippet.Kind.EXPRESSION) {
            return compile(active, s, "", "", limits);
        }
        Attempt a = compile(active, s, histogram ? "print(\n" : "println(\n", "\n)", limits);
        if (a.compiled.ok()) {
            return a;
        }
        Attempt plain = compile(active, s, "", "", limits);
        return plain.compiled.ok() ? plain : a;
    }

    private record Attempt(ModuleCompiler.Compiled compiled, SourceMap map, Snippet.Kind kind) {
    }

    private Attempt compile(List<Snippet> active, Snippet s, String open, String close, RuntimeLimits limits) {
        SourceMap.Builder b = Engine.join(active);
        String hints = typeHints();
        if (!hints.isEmpty()) {
            b.wrapper(s.id(), "probe never {\n" + hints + "}\n");
        }
        b.wrapper(s.id(), "probe begin {\n" + open);
        b.add(s.id(), s.sourceName(), s.source());
        b.wrapper(s.id(), close + "\n}\n");
        SourceMap map = b.build();
        Snippet.Kind kind = open.isEmpty() ? Snippet.Kind.STATEMENT : Snippet.Kind.EXPRESSION;
        return new Attempt(engine.compiler().compile(List.of(map.source()), limits), map, kind);
    }

    /**
     * Globals that hold values but that no running code mentions (the probes that used them were dropped):
     * the compiler cannot infer their types from the snippets any more, so a never-run probe states them.
     */
    private String typeHints() {
        Generation g = engine.generation();
        StringBuilder sb = new StringBuilder();
        for (GlobalDecl d : engine.carrier().heapGlobals().values()) {
            if (g != null && g.module().ir().global(d.name()).isPresent()) {
                continue;
            }
            sb.append(d.name());
            if (d.keyed()) {
                sb.append(d.keyTypes().stream().map(t -> t == IrType.STRING ? "\"\"" : "0")
                        .collect(java.util.stream.Collectors.joining(", ", "[", "]")));
            }
            sb.append(d.valueType() == IrType.STATS ? " <<< 0" : d.valueType() == IrType.STRING ? " = \"\"" : " = 0");
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Null when every global the statement module has fits the running one; else why it is not run. */
    private String checkGlobals(Module m) {
        Generation g = engine.generation();
        for (GlobalDecl d : m.ir().globals()) {
            if (g != null && g.store().holds(d.name())) {
                GlobalDecl live = g.store().decl(d.name());
                if (!live.keyTypes().equals(d.keyTypes()) || live.valueType() != d.valueType()) {
                    return "not run: it would change global " + d.name() + " from " + Describe.type(live) + " to "
                            + Describe.type(d) + " (declare it again to change its shape)";
                }
            } else {
                engine.carrier().defineForStatement(d);
            }
        }
        return null;
    }

    private Result execute(Module m, UserProbe probe, Attempt a, List<Diagnostic> diags) {
        Generation g = engine.generation();
        MapStore store = g != null ? g.store() : engine.carrier().heap();
        BufferSink captured = new BufferSink();
        OutputSink sink = a.kind == Snippet.Kind.EXPRESSION ? captured : engine.out().asSink();
        Interpreter interp = new Interpreter(m.ir(), store, sink, m.limits(), engine.host());
        if (cancelled) {
            return new Result(true, diags, null, "interrupted", a.kind);
        }
        ProbeOutcome o;
        running.set(Thread.currentThread());
        try {
            o = interp.runProbe(probe.ir(), true);
        } catch (RuntimeException e) {
            return new Result(true, diags, null, "internal error: " + Reloader.message(e), a.kind);
        } finally {
            running.set(null);
            Thread.interrupted(); // an interrupt aimed at the statement must not reach the next kernel call
        }
        for (String w : captured.warnings()) {
            engine.out().warning(w);
        }
        if (interp.exitRequested()) {
            engine.requestExit();
        }
        String value = a.kind == Snippet.Kind.EXPRESSION ? trimNewline(captured.text()) : null;
        switch (o.status()) {
            case ERROR:
                return new Result(true, diags, value, a.map.rewriteLocations(o.message()), a.kind);
            case INTERRUPTED:
                return new Result(true, diags, value, "interrupted", a.kind);
            case ABORTED:
                return new Result(true, diags, value, "aborted", a.kind);
            default:
                return new Result(true, diags, value, null, a.kind);
        }
    }

    private static String trimNewline(String s) {
        return s.endsWith("\n") && !s.endsWith("\n\n") ? s.substring(0, s.length() - 1) : s;
    }
}
