package io.jstap.compiler.exec;

import io.jstap.compiler.ir.FunctionDecl;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrProgram;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.ProbeBody;
import io.jstap.compiler.ir.Stmt;

import java.util.List;

import static io.jstap.compiler.ir.Ir.probe;

/** A program over a heap store with captured output and a fixed host context. */
final class Harness {

    /** Host values chosen to be recognisable in assertions. */
    static final HostContext HOST = new HostContext() {
        public long pid() { return 4242; }
        public long tid() { return 4243; }
        public long ppid() { return 1; }
        public long uid() { return 1000; }
        public long euid() { return 1001; }
        public long gid() { return 100; }
        public long egid() { return 101; }
        public String execname() { return "jstap"; }
        public long cpu() { return 3; }
        public long target() { return 77; }
        public long epochNanos() { return 1_700_000_000_123_456_789L; }
        public long monotonicNanos() { return 5_000_000_000L; }
    };

    final BufferSink out = new BufferSink();
    final HeapMapStore store;
    final Interpreter interp;

    Harness(List<GlobalDecl> globals, List<FunctionDecl> functions, RuntimeLimits limits) {
        IrProgram program = new IrProgram(globals, functions, List.of());
        store = new HeapMapStore(globals, limits);
        interp = new Interpreter(program, store, out, limits, HOST);
    }

    Harness(List<GlobalDecl> globals, List<FunctionDecl> functions) {
        this(globals, functions, RuntimeLimits.DEFAULTS);
    }

    Harness(List<GlobalDecl> globals) {
        this(globals, List.of());
    }

    Harness() {
        this(List.of());
    }

    ProbeOutcome run(ProbeBody p) {
        return interp.runProbe(p, false);
    }

    /** Runs statements as a timer probe with the given locals and returns the output; fails on error. */
    String output(List<LocalVar> locals, Stmt... body) {
        ProbeOutcome o = run(probe("timer.s(1)", locals, body));
        if (!o.ok()) {
            throw new AssertionError("probe failed: " + o);
        }
        return out.take();
    }

    String output(Stmt... body) {
        return output(List.of(), body);
    }

    /** Runs statements expecting a run-time error; returns the ERROR line. */
    String error(List<LocalVar> locals, Stmt... body) {
        ProbeOutcome o = run(probe("timer.s(1)", locals, body));
        if (o.status() != ProbeOutcome.Status.ERROR) {
            throw new AssertionError("expected an error, got " + o + " with output " + out.text());
        }
        return o.errorLine();
    }

    String error(Stmt... body) {
        return error(List.of(), body);
    }
}
