package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Helper;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.compiler.format.Utf8;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.IrType;
import java.util.ArrayList;
import java.util.List;

/**
 * Strings in kernel code. A string lives in a MAXSTRINGLEN buffer in scratch and is always kept
 * <em>zero padded</em>: its bytes, a NUL, then zeros to the end of the buffer. That makes a copy a run
 * of word moves, a key field a plain copy, and a comparison a run of big-endian word compares, all
 * straight-line code the verifier checks in one pass. Contents are at most MAXSTRINGLEN-1 bytes; a
 * concatenation that does not fit is cut between characters, as the interpreter cuts it.
 */
final class Strings {

    /** One load/store of a copy: {@code size} bytes at {@code off}. */
    record Chunk(int off, Size size) {
    }

    private final Gen g;
    private final Assembler asm;
    private final int size;

    Strings(Gen g) {
        this.g = g;
        this.asm = g.asm;
        this.size = g.mod.strSize();
    }

    /** Words, then the 4/2/1-byte tail, covering {@code n} bytes. */
    static List<Chunk> chunks(int n) {
        List<Chunk> out = new ArrayList<>();
        int off = 0;
        for (Size s : new Size[] {Size.DW, Size.W, Size.H, Size.B}) {
            while (n - off >= s.bytes()) {
                out.add(new Chunk(off, s));
                off += s.bytes();
            }
        }
        return out;
    }

    // ---- buffers

    void zero(int dst) {
        zero(Reg.R9, dst, size);
    }

    /** Zeroes {@code n} bytes at {@code base + off}. */
    void zero(Reg base, int off, int n) {
        for (Chunk c : chunks(n)) {
            asm.st(c.size(), base, off + c.off(), 0);
        }
    }

    /** Copies the buffer at {@code src} to {@code dst} (both in scratch). */
    void copy(int dst, int src) {
        if (dst != src) {
            copy(Reg.R9, dst, Reg.R9, src);
        }
    }

    /** Copies a string buffer from {@code srcBase + src} to {@code dstBase + dst}; clobbers R1. */
    void copy(Reg dstBase, int dst, Reg srcBase, int src) {
        for (Chunk c : chunks(size)) {
            asm.ldx(c.size(), Reg.R1, srcBase, src + c.off());
            asm.stx(c.size(), dstBase, dst + c.off(), Reg.R1);
        }
    }

    /** Writes a constant, cut to MAXSTRINGLEN-1 bytes between characters, with its zero padding. */
    void literalInto(String text, int dst) {
        byte[] bytes = Utf8.encode(Utf8.truncate(text, size - 1));
        byte[] buf = new byte[size];
        System.arraycopy(bytes, 0, buf, 0, bytes.length);
        for (Chunk c : chunks(size)) {
            long v = 0;
            for (int i = c.size().bytes() - 1; i >= 0; i--) {
                v = (v << 8) | (buf[c.off() + i] & 0xff);
            }
            if (c.size() != Size.DW || v == (int) v) {
                asm.st(c.size(), Reg.R9, dst + c.off(), (int) v);
            } else {
                asm.ldImm64(Reg.R1, v);
                asm.stx(Size.DW, Reg.R9, dst + c.off(), Reg.R1);
            }
        }
    }

    // ---- evaluation

    /** Evaluates a string expression into the buffer at {@code dst}. */
    void into(Expr e, int dst) {
        g.at(e.loc());
        if (e.type() != IrType.STRING) {
            throw new IllegalStateException("string expected, got " + e.type() + " at " + e.loc());
        }
        if (e instanceof Expr.StrLit s) {
            literalInto(s.value(), dst);
        } else if (e instanceof Expr.Local l) {
            copy(dst, g.frame.home(l.var()));
        } else if (e instanceof Expr.GlobalVar || e instanceof Expr.GlobalElem) {
            g.globals.readString((Expr.LValue) e, dst);
        } else if (e instanceof Expr.Concat c) {
            into(c.left(), dst);
            int mark = g.storage.scratchMark();
            append(dst, read(c.right()));
            g.storage.scratchReset(mark);
        } else if (e instanceof Expr.Ternary t) {
            Label otherwise = asm.newLabel("else");
            Label end = asm.newLabel("endif");
            g.conds.branchFalse(t.cond(), otherwise);
            into(t.ifTrue(), dst);
            asm.ja(end).bind(otherwise);
            into(t.ifFalse(), dst);
            asm.bind(end);
        } else if (e instanceof Expr.Assign a) {
            g.assign.assignString(a, dst);
        } else if (e instanceof Expr.Call c) {
            g.calls.call(c, dst);
        } else if (e instanceof Expr.BuiltinCall b) {
            g.builtins.string(b, dst);
        } else if (e instanceof Expr.Format f) {
            g.builtins.sprintf(f, dst);
        } else if (e instanceof Expr.TracepointField f) {
            g.builtins.tracepointString(f, dst);
        } else {
            throw new IllegalStateException("no string code for " + e);
        }
    }

    /**
     * The buffer holding the value of {@code e}: a local's own buffer (valid until the next write to
     * it), else a new scratch buffer; the caller resets scratch when done.
     */
    int read(Expr e) {
        if (e instanceof Expr.Local l) {
            return g.frame.home(l.var());
        }
        return temp(e);
    }

    /** A new scratch buffer holding the value of {@code e}. */
    int temp(Expr e) {
        int buf = g.storage.scratch(size, e.loc());
        into(e, buf);
        return buf;
    }

    // ---- operations

    /** R0 = strlen of the buffer at {@code buf} (probe_read_kernel_str returns the length plus its NUL). */
    void strlen(int buf) {
        g.scratchAddr(Reg.R1, buf);
        asm.mov(Reg.R2, size);
        g.scratchAddr(Reg.R3, buf);
        asm.call(Helper.PROBE_READ_KERNEL_STR);
        asm.sub(Reg.R0, 1);
        clampLength(Reg.R0);
    }

    /** Bounds a length to [0, MAXSTRINGLEN-1] so the verifier accepts it as an offset. */
    private void clampLength(Reg r) {
        Label ok = asm.newLabel("len_ok");
        asm.jle(r, size - 1, ok).mov(r, size - 1).bind(ok);
    }

    /**
     * Appends the string at {@code src} to the one at {@code dst}, keeping at most MAXSTRINGLEN-1
     * bytes and dropping a character the cut would split. Uses R6's neighbours only through a temp.
     */
    void append(int dst, int src) {
        Temps.Temp len = g.temps.alloc(g.loc());
        strlen(dst);
        g.temps.write(len, Reg.R0);
        Reg l = g.temps.read(len, Reg.R4);
        g.scratchAddr(Reg.R1, dst);
        asm.add(Reg.R1, l);
        asm.mov(Reg.R2, size).sub(Reg.R2, l);
        g.scratchAddr(Reg.R3, src);
        asm.call(Helper.PROBE_READ_KERNEL_STR);
        // R0 = bytes copied + 1; the result is full when len + R0 - 1 reaches MAXSTRINGLEN-1
        Reg l2 = g.temps.read(len, Reg.R1);
        asm.add(Reg.R0, l2);
        g.temps.release(len);
        Label done = asm.newLabel("cat_done");
        asm.jne(Reg.R0, size, done);
        trimPartialCharacter(dst);
        asm.bind(done);
    }

    /**
     * The buffer at {@code dst} is full (MAXSTRINGLEN-1 bytes): if it ends inside a multi-byte UTF-8
     * character, zero that character's bytes ({@link Utf8#decodeSlice}'s rule, unrolled for constant offsets).
     */
    private void trimPartialCharacter(int dst) {
        int end = size - 1;
        Label done = asm.newLabel("trim_done");
        for (int back = 0; back < 3 && end - 1 - back >= 0; back++) {
            int lead = end - 1 - back;
            Label continuation = asm.newLabel("cont");
            asm.ldx(Size.B, Reg.R1, Reg.R9, dst + lead);
            asm.mov(Reg.R2, Reg.R1).and(Reg.R2, 0xC0).jeq(Reg.R2, 0x80, continuation);
            // R1 is the lead byte of the last character, which has back continuation bytes after it
            asm.jlt(Reg.R1, 0xC2, done).jgt(Reg.R1, 0xF4, done);
            int minLeadForCut = back == 0 ? 0xC2 : back == 1 ? 0xE0 : 0xF0;
            asm.jlt(Reg.R1, minLeadForCut, done);
            zero(Reg.R9, dst + lead, back + 1);
            asm.ja(done);
            asm.bind(continuation);
        }
        asm.bind(done);
    }

    /**
     * Compares the strings at {@code a} and {@code b} byte-wise as strcmp does: R0 = -1, 0 or 1.
     * Clobbers R1-R2.
     */
    void compare(int a, int b) {
        Label equal = asm.newLabel("str_eq");
        Label order = asm.newLabel("str_order");
        Label done = asm.newLabel("str_cmp_done");
        List<Label> differ = new ArrayList<>();
        List<Chunk> cs = chunks(size);
        for (Chunk c : cs) {
            Label d = asm.newLabel("str_ne" + c.size().bytes());
            differ.add(d);
            asm.ldx(c.size(), Reg.R1, Reg.R9, a + c.off());
            asm.ldx(c.size(), Reg.R2, Reg.R9, b + c.off());
            asm.jne(Reg.R1, Reg.R2, d);
        }
        asm.bind(equal).mov(Reg.R0, 0).ja(done);
        for (int i = 0; i < cs.size(); i++) {
            asm.bind(differ.get(i));
            int bits = cs.get(i).size().bytes() * 8;
            if (bits > 8) {
                // big-endian order makes an unsigned compare a byte-wise compare
                asm.endian(Reg.R1, true, bits).endian(Reg.R2, true, bits);
            }
            asm.ja(order);
        }
        asm.bind(order).mov(Reg.R0, 1).jgt(Reg.R1, Reg.R2, done).mov(Reg.R0, -1);
        asm.bind(done);
    }
}
