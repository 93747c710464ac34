package io.jstap.compiler.exec;

import io.jstap.compiler.format.Utf8;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.Stmt;

/**
 * State of one probe run (or one REPL evaluation): the statement budget, the function nesting
 * depth, the active frame, and the evaluators working on them. Not shared between threads.
 */
final class Execution {

    final Interpreter interp;
    final String probeName;
    final ExprEval eval;
    final StmtExec exec;
    final ForeachRunner foreach;

    private final long maxActions;
    private long actions;
    int depth;
    Frame frame;

    Execution(Interpreter interp, String probeName, long maxActions, Frame frame) {
        this.interp = interp;
        this.probeName = probeName;
        this.maxActions = maxActions;
        this.frame = frame;
        this.eval = new ExprEval(this);
        this.exec = new StmtExec(this);
        this.foreach = new ForeachRunner(this);
    }

    /**
     * Counts one action for {@code s} as stap does (every statement, and every loop iteration);
     * the probe fails once MAXACTION actions have run. Not catchable by try/catch.
     */
    void charge(Stmt s) {
        if (++actions >= maxActions) {
            throw new ProbeError("MAXACTION exceeded", Tokens.near(s), false);
        }
    }

    /** Called at every loop iteration and function call, so Ctrl-C can stop a long run. */
    void checkInterrupt() {
        if (Thread.interrupted()) {
            throw new Interrupted();
        }
    }

    long actions() {
        return actions;
    }

    /** A string as stored: at most MAXSTRINGLEN-1 bytes, cut between characters. */
    String str(String s) {
        return Utf8.truncate(s, interp.limits().maxStringBytes());
    }

    ProbeError error(String message, Expr near) {
        return new ProbeError(message, Tokens.near(near));
    }

    /** The thread was interrupted while the probe ran. */
    static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super("interrupted", null, false, false);
        }
    }

    /** {@code abort()}: stop at once, run no end probes. */
    static final class Aborted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Aborted() {
            super("aborted", null, false, false);
        }
    }
}
