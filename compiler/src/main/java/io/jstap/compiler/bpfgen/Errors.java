package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.compiler.exec.Tokens;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.SrcLoc;
import io.jstap.compiler.ir.Stmt;
import io.jstap.compiler.module.OutputRecord;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Run-time errors in kernel code, with the interpreter's semantics: an error ends the probe after
 * writing an ERROR record (message, location and the token stap names), unless it happens inside a
 * {@code try} body, where it sets the catch variable to the bare message and runs the handler.
 * MAXACTION is never caught. Also counts actions (statements and loop iterations) against MAXACTION.
 */
final class Errors {

    /** An enclosing try: the home of its catch variable (-1 if none) and the handler's label. */
    private record Handler(Stmt.TryCatch stmt, int messageHome, Label handler) {
    }

    static final String MAXACTION = "MAXACTION exceeded";

    private final Gen g;
    private final Assembler asm;
    private final Deque<Handler> handlers = new ArrayDeque<>();
    private final Map<Integer, Label> recordBlocks = new HashMap<>();
    private Label errorTail;

    Errors(Gen g) {
        this.g = g;
        this.asm = g.asm;
    }

    // ---- try/catch

    void pushHandler(Stmt.TryCatch s, int messageHome, Label handler) {
        handlers.push(new Handler(s, messageHome, handler));
    }

    void popHandler() {
        handlers.pop();
    }

    // ---- raising

    /** The label of a catchable error with a fixed message; jump there when the error happens. */
    Label failure(String message, Expr near) {
        return failure(message, Tokens.near(near), near.loc());
    }

    Label failure(String message, String near, SrcLoc loc) {
        Handler h = handlers.peek();
        if (h != null) {
            return g.cold("catch", () -> {
                if (h.messageHome >= 0) {
                    g.strings.literalInto(message, h.messageHome);
                }
                enterHandler(h);
            });
        }
        return record(g.mod.records().error(message, List.of(), loc, near));
    }

    /**
     * The label of a memory fault error: the record carries the faulting address, which the site stores
     * at {@code headerSlot + 8} before jumping; a catch variable receives {@code what} alone.
     */
    Label fault(String what, Expr near) {
        Handler h = handlers.peek();
        if (h != null) {
            return g.cold("catch", () -> {
                if (h.messageHome >= 0) {
                    g.strings.literalInto(what, h.messageHome);
                }
                enterHandler(h);
            });
        }
        OutputRecord r = g.mod.records().error(what + " at 0x%x [man error::fault]", List.of(IrType.LONG),
                near.loc(), Tokens.near(near));
        return recordBlocks.computeIfAbsent(r.id(), id -> g.cold("fault" + id, () -> {
            asm.st(Size.W, Reg.R10, g.headerSlot, r.kind().ordinal());
            asm.st(Size.W, Reg.R10, g.headerSlot + 4, r.id());
            g.output.emitStack(g.headerSlot, r.size());
            asm.ja(g.exit);
        }));
    }

    /** Raises {@code error(msg)} now; the message is the string in the scratch buffer at {@code msgBuf}. */
    void failWith(int msgBuf, Expr.BuiltinCall site) {
        Handler h = handlers.peek();
        if (h != null) {
            if (h.messageHome >= 0) {
                g.strings.copy(h.messageHome, msgBuf);
            }
            enterHandler(h);
            return;
        }
        OutputRecord r = g.mod.records().error("%s", List.of(IrType.STRING), site.loc(), Tokens.near(site));
        int mark = g.storage.scratchMark();
        int rec = g.storage.scratch(r.size(), site.loc());
        g.output.header(rec, r);
        g.strings.copy(rec + r.args().get(0).offset(), msgBuf);
        g.output.emitScratch(rec, r.size());
        g.storage.scratchReset(mark);
        asm.ja(g.exit);
    }

    private void enterHandler(Handler h) {
        charge(h.stmt);
        asm.ja(h.handler);
    }

    /** A cold block that writes the fixed-size record {@code r} and leaves the probe. */
    Label record(OutputRecord r) {
        return recordBlocks.computeIfAbsent(r.id(), id -> g.cold("error" + id, () -> {
            asm.st(Size.W, Reg.R10, g.headerSlot, r.kind().ordinal());
            asm.st(Size.W, Reg.R10, g.headerSlot + 4, r.id());
            asm.ja(errorTail());
        }));
    }

    private Label errorTail() {
        if (errorTail == null) {
            errorTail = g.cold("error_out", () -> {
                g.output.emitStack(g.headerSlot, OutputRecord.HEADER);
                asm.ja(g.exit);
            });
        }
        return errorTail;
    }

    // ---- MAXACTION

    /** Counts one action for {@code s}; at MAXACTION the probe fails near {@code s}. */
    void charge(Stmt s) {
        if (g.counterSlot == 0) {
            return;
        }
        asm.ldx(Size.DW, Reg.R1, Reg.R10, g.counterSlot).add(Reg.R1, 1).stx(Size.DW, Reg.R10, g.counterSlot, Reg.R1);
        long max = g.mod.limits().maxAction();
        OutputRecord r = g.mod.records().error(MAXACTION, List.of(), s.loc(), Tokens.near(s));
        Label fail = record(r);
        if (max == (int) max) {
            asm.jge(Reg.R1, (int) max, fail);
        } else {
            asm.ldImm64(Reg.R2, max);
            asm.jge(Reg.R1, Reg.R2, fail);
        }
    }
}
