package io.jstap.runtime.codegen;

import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.FunctionDecl;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.AssignOp;
import io.jstap.compiler.ir.Ops.BinOp;
import io.jstap.compiler.ir.Ops.CmpOp;
import io.jstap.compiler.ir.Ops.UnOp;
import io.jstap.compiler.ir.SrcLoc;
import io.jstap.compiler.ir.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random, well-typed IR programs over a fixed set of globals, locals and two functions, for running in
 * the kernel and in the interpreter. Every node gets its own line so error locations tell nodes apart.
 * Loops are small but some divisions hit zero and some loops never end (MAXACTION).
 */
final class RandomPrograms {

    static final List<GlobalDecl> GLOBALS = List.of(
            GlobalDecl.scalar("gl", IrType.LONG, IrBuild.L0),
            GlobalDecl.scalar("gs", IrType.STRING, IrBuild.L0),
            GlobalDecl.array("al", List.of(IrType.LONG), IrType.LONG, IrBuild.L0),
            GlobalDecl.array("as", List.of(IrType.STRING, IrType.LONG), IrType.STRING, IrBuild.L0),
            GlobalDecl.scalar("hits", IrType.LONG, IrBuild.L0),
            GlobalDecl.array("small", List.of(IrType.LONG), IrType.LONG, IrBuild.L0).withMaxEntries(3),
            GlobalDecl.stats("st", List.of(), HistogramSpec.LOG, IrBuild.L0).withVarianceShift(2),
            GlobalDecl.stats("sk", List.of(IrType.STRING), HistogramSpec.linear(-50, 50, 10), IrBuild.L0));

    private static final long[] EDGE = {0, 1, -1, 2, 3, 7, 10, 63, 64, 65, -64, 255, 1L << 32, Long.MIN_VALUE,
        Long.MAX_VALUE, -1000, 123456789};
    private static final String[] STRINGS = {"", "a", "xyz", "hello world", "\u00e9t\u00e9", "\u4e2d\u6587",
        "\ud83d\ude00!", "0123456789abcdef", "The quick brown fox jumps over the lazy dog", "%d"};
    private static final String[] FORMATS = {"%d\n", "%s|\n", "%d %s\n", "%x %o\n", "%5d|%-6s|\n", "<%s>%d\n"};

    private final Random rnd;
    /** Variables of the enclosing for-loops: never assigned in their bodies, so the loops are counted. */
    private final List<LocalVar> frozen = new ArrayList<>();
    private final List<LocalVar> longs = new ArrayList<>();
    private final List<LocalVar> strings = new ArrayList<>();
    private int line = 10;
    private int loopDepth;
    private boolean inFunction;

    final List<LocalVar> locals = new ArrayList<>();
    final List<FunctionDecl> functions = new ArrayList<>();

    private final boolean membership;

    /** {@code membership}: also generate {@code delete a[k]} and {@code k in a}. */
    RandomPrograms(long seed, boolean membership) {
        this.rnd = new Random(seed);
        this.membership = membership;
    }

    private SrcLoc loc() {
        return new SrcLoc(IrBuild.FILE, line++, 1 + rnd.nextInt(40));
    }

    /** The statements of one probe body (locals in {@link #locals}, functions in {@link #functions}). */
    List<Stmt> body() {
        buildFunctions();
        longs.clear();
        strings.clear();
        for (int i = 0; i < 3; i++) {
            LocalVar v = new LocalVar("l" + i, IrType.LONG, locals.size());
            locals.add(v);
            longs.add(v);
        }
        for (int i = 0; i < 2; i++) {
            LocalVar v = new LocalVar("s" + i, IrType.STRING, locals.size());
            locals.add(v);
            strings.add(v);
        }
        List<Stmt> out = new ArrayList<>();
        int n = 4 + rnd.nextInt(9);
        for (int i = 0; i < n; i++) {
            out.add(stmt(2));
        }
        return out;
    }

    private void buildFunctions() {
        inFunction = true;
        LocalVar a = new LocalVar("a", IrType.LONG, 0);
        LocalVar b = new LocalVar("b", IrType.STRING, 1);
        LocalVar t = new LocalVar("t", IrType.LONG, 2);
        longs.clear();
        strings.clear();
        longs.add(a);
        longs.add(t);
        strings.add(b);
        List<Stmt> f1 = new ArrayList<>();
        for (int i = 0; i < 1 + rnd.nextInt(3); i++) {
            f1.add(stmt(1));
        }
        f1.add(new Stmt.Return(longExpr(2), loc()));
        functions.add(new FunctionDecl("f1", List.of(a, b), IrType.LONG, List.of(t), new Stmt.Block(f1, loc()), loc()));
        LocalVar c = new LocalVar("c", IrType.STRING, 0);
        LocalVar u = new LocalVar("u", IrType.LONG, 1);
        longs.clear();
        strings.clear();
        strings.add(c);
        longs.add(u);
        List<Stmt> f2 = new ArrayList<>();
        if (rnd.nextBoolean()) {
            f2.add(stmt(1));
        }
        f2.add(new Stmt.Return(strExpr(2), loc()));
        functions.add(new FunctionDecl("f2", List.of(c), IrType.STRING, List.of(u), new Stmt.Block(f2, loc()), loc()));
        inFunction = false;
    }

    private <T> T pick(List<T> xs) {
        return xs.get(rnd.nextInt(xs.size()));
    }

    // ---- statements

    private Stmt stmt(int depth) {
        int k = rnd.nextInt(depth > 0 ? 20 : 12);
        switch (k) {
            case 0: case 1: case 2:
                return new Stmt.ExprStmt(assignLong(1), loc());
            case 3: case 4:
                return new Stmt.ExprStmt(assignString(1), loc());
            case 5: case 6:
                return printf();
            case 7:
                return new Stmt.ExprStmt(new Expr.IncDec(longTarget(), rnd.nextBoolean(), rnd.nextBoolean(), loc()), loc());
            case 8:
                return new Stmt.ExprStmt(new Expr.IncDec(new Expr.GlobalVar("hits", IrType.LONG, loc()), true, false, loc()), loc());
            case 9:
                return new Stmt.ExprStmt(new Expr.StatsAdd(statsTarget(), longExpr(1), loc()), loc());
            case 10:
                if (!membership) {
                    return printf();
                }
                return new Stmt.DeleteElement("al", List.of(longExpr(0)), loc());
            case 11:
                return new Stmt.ExprStmt(new Expr.Assign(new Expr.GlobalElem("small", List.of(longExpr(0)), IrType.LONG, loc()),
                        AssignOp.SET, longExpr(1), loc()), loc());
            case 12: case 13:
                return new Stmt.If(cond(1), block(depth - 1), rnd.nextBoolean() ? block(depth - 1) : null, loc());
            case 14: case 15:
                return forLoop(depth);
            case 16:
                return whileLoop(depth);
            case 17:
                LocalVar msg = strings.isEmpty() || rnd.nextBoolean() ? null : pick(strings);
                return new Stmt.TryCatch(block(depth - 1), msg, block(depth - 1), loc());
            case 18:
                if (loopDepth > 0) {
                    return rnd.nextBoolean() ? new Stmt.Break(loc()) : new Stmt.Continue(loc());
                }
                return printf();
            default:
                if (inFunction) {
                    return printf();
                }
                return new Stmt.ExprStmt(rnd.nextBoolean() ? call1(1) : call2(1), loc());
        }
    }

    private Stmt block(int depth) {
        List<Stmt> body = new ArrayList<>();
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            body.add(stmt(Math.max(0, depth)));
        }
        return new Stmt.Block(body, loc());
    }

    private Stmt forLoop(int depth) {
        List<LocalVar> free = new ArrayList<>(longs);
        free.removeAll(frozen);
        if (free.isEmpty()) {
            return printf();
        }
        LocalVar i = pick(free);
        Expr init = new Expr.Assign(new Expr.Local(i, loc()), AssignOp.SET, new Expr.LongLit(0, loc()), loc());
        Expr cond = new Expr.Compare(CmpOp.LT, new Expr.Local(i, loc()), new Expr.LongLit(rnd.nextInt(6), loc()), loc());
        Expr step = new Expr.IncDec(new Expr.Local(i, loc()), true, false, loc());
        loopDepth++;
        frozen.add(i);
        Stmt body = block(depth - 1);
        frozen.remove(i);
        loopDepth--;
        return new Stmt.For(init, cond, step, body, loc());
    }

    /**
     * A while loop, over a global or endless (to reach MAXACTION), with a light body: the verifier
     * explores a loop whose end it cannot foresee up to MAXACTION times. For-loops, whose variables
     * their bodies never assign, take any body.
     */
    private Stmt whileLoop(int depth) {
        int kind = rnd.nextInt(3);
        Expr cond = kind == 0 ? new Expr.LongLit(1, loc())
                : new Expr.Compare(CmpOp.LT, new Expr.IncDec(new Expr.GlobalVar("gl", IrType.LONG, loc()), true, true, loc()),
                        new Expr.LongLit(rnd.nextInt(20), loc()), loc());
        List<Stmt> body = new ArrayList<>();
        for (int i = 0; i < 1 + rnd.nextInt(2); i++) {
            body.add(lightStmt());
        }
        return new Stmt.While(cond, new Stmt.Block(body, loc()), loc());
    }

    /** A statement with few branches. */
    private Stmt lightStmt() {
        switch (rnd.nextInt(3)) {
            case 0:
                return new Stmt.ExprStmt(new Expr.IncDec(new Expr.GlobalVar("hits", IrType.LONG, loc()), true, false, loc()), loc());
            case 1:
                return new Stmt.ExprStmt(new Expr.Assign(longTarget(), AssignOp.ADD,
                        new Expr.LongLit(rnd.nextInt(9), loc()), loc()), loc());
            default:
                return new Stmt.ExprStmt(new Expr.Format(Expr.Format.FormatKind.PRINTF, "%d\n",
                        List.of(new Expr.Local(pick(longs), loc())), loc()), loc());
        }
    }

    private Stmt printf() {
        String f = FORMATS[rnd.nextInt(FORMATS.length)];
        List<Expr> args = new ArrayList<>();
        if (f.equals("%d\n")) {
            args.add(longExpr(2));
        } else if (f.equals("%s|\n")) {
            args.add(strExpr(2));
        } else if (f.equals("%x %o\n")) {
            args.add(longExpr(1));
            args.add(longExpr(1));
        } else if (f.equals("<%s>%d\n")) {
            args.add(strExpr(1));
            args.add(longExpr(1));
        } else {
            args.add(longExpr(1));
            args.add(strExpr(1));
        }
        return new Stmt.ExprStmt(new Expr.Format(Expr.Format.FormatKind.PRINTF, f, args, loc()), loc());
    }

    // ---- expressions

    private Expr.LValue longTarget() {
        List<LocalVar> free = new ArrayList<>(longs);
        free.removeAll(frozen);
        switch (free.isEmpty() ? rnd.nextInt(2) : rnd.nextInt(4)) {
            case 0: return new Expr.GlobalVar("gl", IrType.LONG, loc());
            case 1: return new Expr.GlobalElem("al", List.of(longExpr(0)), IrType.LONG, loc());
            default: return new Expr.Local(pick(free), loc());
        }
    }

    private Expr.LValue strTarget() {
        switch (rnd.nextInt(4)) {
            case 0: return new Expr.GlobalVar("gs", IrType.STRING, loc());
            case 1: return new Expr.GlobalElem("as", List.of(strExpr(0), longExpr(0)), IrType.STRING, loc());
            default: return new Expr.Local(pick(strings), loc());
        }
    }

    private Expr.LValue statsTarget() {
        return rnd.nextBoolean() ? new Expr.GlobalVar("st", IrType.STATS, loc())
                : new Expr.GlobalElem("sk", List.of(strExpr(0)), IrType.STATS, loc());
    }

    private Expr assignLong(int depth) {
        AssignOp[] ops = {AssignOp.SET, AssignOp.SET, AssignOp.ADD, AssignOp.SUB, AssignOp.MUL, AssignOp.DIV,
            AssignOp.MOD, AssignOp.SHL, AssignOp.SHR, AssignOp.AND, AssignOp.OR, AssignOp.XOR};
        return new Expr.Assign(longTarget(), ops[rnd.nextInt(ops.length)], longExpr(depth), loc());
    }

    private Expr assignString(int depth) {
        return new Expr.Assign(strTarget(), rnd.nextBoolean() ? AssignOp.SET : AssignOp.CONCAT, strExpr(depth), loc());
    }

    Expr longExpr(int depth) {
        int k = rnd.nextInt(depth > 0 ? 16 : 5);
        switch (k) {
            case 0: case 1:
                return new Expr.LongLit(rnd.nextBoolean() ? EDGE[rnd.nextInt(EDGE.length)] : rnd.nextInt(20) - 5, loc());
            case 2: case 3:
                return new Expr.Local(pick(longs), loc());
            case 4:
                return rnd.nextBoolean() ? new Expr.GlobalVar("gl", IrType.LONG, loc())
                        : new Expr.GlobalElem("al", List.of(new Expr.Local(pick(longs), loc())), IrType.LONG, loc());
            case 5: case 6: case 7:
                return new Expr.Binary(BinOp.values()[rnd.nextInt(BinOp.values().length)], longExpr(depth - 1),
                        longExpr(depth - 1), loc());
            case 8:
                return cond(depth - 1);
            case 9:
                return new Expr.Unary(UnOp.values()[rnd.nextInt(UnOp.values().length)], longExpr(depth - 1), loc());
            case 10:
                return new Expr.Ternary(cond(depth - 1), longExpr(depth - 1), longExpr(depth - 1), loc());
            case 11:
                return new Expr.IncDec(longTarget(), rnd.nextBoolean(), rnd.nextBoolean(), loc());
            case 12:
                return assignLong(depth - 1);
            case 13:
                if (!membership) {
                    return new Expr.LongLit(13, loc());
                }
                return new Expr.InArray("al", List.of(longExpr(depth - 1)), loc());
            case 14:
                return inFunction ? new Expr.LongLit(3, loc()) : call1(depth - 1);
            default:
                return new Expr.StatsAdd(statsTarget(), longExpr(depth - 1), loc());
        }
    }

    private Expr cond(int depth) {
        switch (rnd.nextInt(4)) {
            case 0:
                return new Expr.Compare(CmpOp.values()[rnd.nextInt(CmpOp.values().length)], strExpr(depth),
                        strExpr(depth), loc());
            case 1:
                return new Expr.Logical(rnd.nextBoolean(), longExpr(depth), longExpr(depth), loc());
            default:
                return new Expr.Compare(CmpOp.values()[rnd.nextInt(CmpOp.values().length)], longExpr(depth),
                        longExpr(depth), loc());
        }
    }

    private static final String[] SPRINTF = {"%d", "<%s>", "%x|%X|%o", "%u-%i", "%s%s%d", "%d%s",
        "%#o|%#x|%#X", "%-6d|%06d|%+d|% d", "%8s|%-5s|%.3s", "%c|%3c|%-2c.", "%07i|%-8o|%#8o|%.5u", "%20x|%-22d"};

    private Expr sprintf(int depth) {
        String f = SPRINTF[rnd.nextInt(SPRINTF.length)];
        List<Expr> args = new ArrayList<>();
        for (int i = 0; i < f.length(); i++) {
            if (f.charAt(i) == '%') {
                int letter = i + 1;
                while (!Character.isLetter(f.charAt(letter))) {
                    letter++;
                }
                args.add(f.charAt(letter) == 's' ? strExpr(depth) : longExpr(depth));
            }
        }
        return new Expr.Format(Expr.Format.FormatKind.SPRINTF, f, args, loc());
    }

    Expr strExpr(int depth) {
        int k = rnd.nextInt(depth > 0 ? 10 : 3);
        switch (k) {
            case 0:
                return new Expr.StrLit(STRINGS[rnd.nextInt(STRINGS.length)], loc());
            case 1:
                return new Expr.Local(pick(strings), loc());
            case 2:
                return rnd.nextBoolean() ? new Expr.GlobalVar("gs", IrType.STRING, loc())
                        : new Expr.GlobalElem("as", List.of(new Expr.StrLit(STRINGS[rnd.nextInt(3)], loc()),
                                new Expr.LongLit(rnd.nextInt(3), loc())), IrType.STRING, loc());
            case 3: case 4: case 5:
                return new Expr.Concat(strExpr(depth - 1), strExpr(depth - 1), loc());
            case 6:
                return new Expr.Ternary(cond(depth - 1), strExpr(depth - 1), strExpr(depth - 1), loc());
            case 7:
                return assignString(depth - 1);
            case 8:
                return sprintf(depth - 1);
            default:
                return inFunction ? new Expr.StrLit("in f", loc()) : call2(depth - 1);
        }
    }

    private Expr call1(int depth) {
        return new Expr.Call("f1", List.of(longExpr(depth), strExpr(depth)), IrType.LONG, loc());
    }

    private Expr call2(int depth) {
        return new Expr.Call("f2", List.of(strExpr(depth)), IrType.STRING, loc());
    }
}
