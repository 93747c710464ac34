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
import io.jstap.compiler.ir.SrcLoc;
import io.jstap.compiler.ir.Stmt;
import java.util.List;

/** Terse IR construction for the kernel tests; nodes sit in "t.stp" at line 1 col 1 unless given. */
final class IrBuild {

    static final String FILE = "t.stp";
    static final SrcLoc L0 = new SrcLoc(FILE, 1, 1);

    private IrBuild() {
    }

    static SrcLoc at(int line, int col) {
        return new SrcLoc(FILE, line, col);
    }

    static Expr num(long v) {
        return new Expr.LongLit(v, L0);
    }

    static Expr str(String s) {
        return new Expr.StrLit(s, L0);
    }

    static LocalVar lv(String name, IrType t, int slot) {
        return new LocalVar(name, t, slot);
    }

    static Expr.Local ref(LocalVar v) {
        return new Expr.Local(v, L0);
    }

    static Expr.GlobalVar gvar(String name, IrType t) {
        return new Expr.GlobalVar(name, t, L0);
    }

    static Expr.GlobalElem elem(String name, IrType t, Expr... keys) {
        return new Expr.GlobalElem(name, List.of(keys), t, L0);
    }

    static Expr.GlobalElem elemAt(SrcLoc loc, String name, IrType t, Expr... keys) {
        return new Expr.GlobalElem(name, List.of(keys), t, loc);
    }

    static Expr bin(BinOp op, Expr a, Expr b) {
        return new Expr.Binary(op, a, b, L0);
    }

    static Expr bin(BinOp op, Expr a, Expr b, SrcLoc loc) {
        return new Expr.Binary(op, a, b, loc);
    }

    static Expr cmp(CmpOp op, Expr a, Expr b) {
        return new Expr.Compare(op, a, b, L0);
    }

    static Expr cat(Expr a, Expr b) {
        return new Expr.Concat(a, b, L0);
    }

    static Expr set(Expr.LValue target, Expr value) {
        return new Expr.Assign(target, AssignOp.SET, value, L0);
    }

    static Expr assign(Expr.LValue target, AssignOp op, Expr value) {
        return new Expr.Assign(target, op, value, L0);
    }

    static Expr inc(Expr.LValue target) {
        return new Expr.IncDec(target, true, false, L0);
    }

    static Expr statsAdd(Expr.LValue target, Expr value) {
        return new Expr.StatsAdd(target, value, L0);
    }

    static Expr fn(String name, IrType t, Expr... args) {
        return new Expr.BuiltinCall(name, List.of(args), t, L0);
    }

    static Expr fnAt(SrcLoc loc, String name, IrType t, Expr... args) {
        return new Expr.BuiltinCall(name, List.of(args), t, loc);
    }

    static Expr call(String f, IrType t, Expr... args) {
        return new Expr.Call(f, List.of(args), t, L0);
    }

    static Expr printf(String format, Expr... args) {
        return new Expr.Format(Expr.Format.FormatKind.PRINTF, format, List.of(args), L0);
    }

    static Stmt s(Expr e) {
        return new Stmt.ExprStmt(e);
    }

    static Stmt p(String format, Expr... args) {
        return s(printf(format, args));
    }

    static Stmt.Block block(Stmt... stmts) {
        return new Stmt.Block(List.of(stmts), L0);
    }

    static Stmt ifs(Expr c, Stmt then, Stmt otherwise) {
        return new Stmt.If(c, then, otherwise, L0);
    }

    static Stmt whileAt(SrcLoc loc, Expr c, Stmt body) {
        return new Stmt.While(c, body, loc);
    }

    static Stmt fors(Expr init, Expr c, Expr step, Stmt body) {
        return new Stmt.For(init, c, step, body, L0);
    }

    static Stmt next() {
        return new Stmt.Next(L0);
    }

    static Stmt ret(Expr v) {
        return new Stmt.Return(v, L0);
    }

    static Stmt brk() {
        return new Stmt.Break(L0);
    }

    static Stmt delete(String global, Expr... keys) {
        return new Stmt.DeleteElement(global, List.of(keys), L0);
    }

    static Stmt tryCatch(Stmt body, LocalVar msg, Stmt handler) {
        return new Stmt.TryCatch(body, msg, handler, L0);
    }

    static FunctionDecl function(String name, List<LocalVar> params, IrType ret, List<LocalVar> locals, Stmt... body) {
        return new FunctionDecl(name, params, ret, locals, block(body), L0);
    }

    static GlobalDecl scalar(String name, IrType t) {
        return GlobalDecl.scalar(name, t, L0);
    }

    static GlobalDecl array(String name, IrType value, IrType... keys) {
        return GlobalDecl.array(name, List.of(keys), value, L0);
    }

    static GlobalDecl stats(String name, HistogramSpec hist, IrType... keys) {
        return GlobalDecl.stats(name, List.of(keys), hist, L0);
    }
}
