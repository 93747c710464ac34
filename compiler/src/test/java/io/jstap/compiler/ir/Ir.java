package io.jstap.compiler.ir;

import io.jstap.compiler.ir.Ops.AssignOp;
import io.jstap.compiler.ir.Ops.BinOp;
import io.jstap.compiler.ir.Ops.CmpOp;
import io.jstap.compiler.ir.Ops.StatsAgg;
import io.jstap.compiler.ir.Ops.UnOp;

import java.util.Arrays;
import java.util.List;

/** Terse IR construction for tests; every node sits in file "t.stp", at line 1 col 1 unless given. */
public final class Ir {

    public static final String FILE = "t.stp";
    public static final SrcLoc L0 = new SrcLoc(FILE, 1, 1);

    private Ir() {
    }

    public static SrcLoc at(int line, int col) {
        return new SrcLoc(FILE, line, col);
    }

    public static Expr num(long v) {
        return new Expr.LongLit(v, L0);
    }

    public static Expr num(long v, SrcLoc loc) {
        return new Expr.LongLit(v, loc);
    }

    public static Expr str(String s) {
        return new Expr.StrLit(s, L0);
    }

    public static LocalVar lv(String name, IrType t, int slot) {
        return new LocalVar(name, t, slot);
    }

    public static Expr.Local ref(LocalVar v) {
        return new Expr.Local(v, L0);
    }

    public static Expr.Local ref(LocalVar v, SrcLoc loc) {
        return new Expr.Local(v, loc);
    }

    public static Expr.GlobalVar gvar(String name, IrType t) {
        return new Expr.GlobalVar(name, t, L0);
    }

    public static Expr.GlobalElem elem(String name, IrType t, Expr... keys) {
        return new Expr.GlobalElem(name, List.of(keys), t, L0);
    }

    public static Expr.GlobalElem elemAt(SrcLoc loc, String name, IrType t, Expr... keys) {
        return new Expr.GlobalElem(name, List.of(keys), t, loc);
    }

    public static Expr any() {
        return new Expr.AnyKey(L0);
    }

    public static Expr in(String global, Expr... keys) {
        return new Expr.InArray(global, List.of(keys), L0);
    }

    public static Expr bin(BinOp op, Expr a, Expr b) {
        return new Expr.Binary(op, a, b, L0);
    }

    public static Expr bin(BinOp op, Expr a, Expr b, SrcLoc loc) {
        return new Expr.Binary(op, a, b, loc);
    }

    public static Expr cmp(CmpOp op, Expr a, Expr b) {
        return new Expr.Compare(op, a, b, L0);
    }

    public static Expr un(UnOp op, Expr a) {
        return new Expr.Unary(op, a, L0);
    }

    public static Expr cat(Expr a, Expr b) {
        return new Expr.Concat(a, b, L0);
    }

    public static Expr and(Expr a, Expr b) {
        return new Expr.Logical(true, a, b, L0);
    }

    public static Expr or(Expr a, Expr b) {
        return new Expr.Logical(false, a, b, L0);
    }

    public static Expr cond(Expr c, Expr a, Expr b) {
        return new Expr.Ternary(c, a, b, L0);
    }

    public static Expr set(Expr.LValue target, Expr value) {
        return new Expr.Assign(target, AssignOp.SET, value, L0);
    }

    public static Expr assign(Expr.LValue target, AssignOp op, Expr value) {
        return new Expr.Assign(target, op, value, L0);
    }

    public static Expr assign(Expr.LValue target, AssignOp op, Expr value, SrcLoc loc) {
        return new Expr.Assign(target, op, value, loc);
    }

    public static Expr inc(Expr.LValue target) {
        return new Expr.IncDec(target, true, false, L0);
    }

    public static Expr preInc(Expr.LValue target) {
        return new Expr.IncDec(target, true, true, L0);
    }

    public static Expr postDec(Expr.LValue target) {
        return new Expr.IncDec(target, false, false, L0);
    }

    public static Expr add(Expr.LValue target, Expr value) {
        return new Expr.StatsAdd(target, value, L0);
    }

    public static Expr agg(StatsAgg a, Expr source, SrcLoc loc) {
        return new Expr.StatsOp(a, source, loc);
    }

    public static Expr agg(StatsAgg a, Expr source) {
        return new Expr.StatsOp(a, source, L0);
    }

    public static Expr call(String f, IrType t, Expr... args) {
        return new Expr.Call(f, List.of(args), t, L0);
    }

    public static Expr callAt(SrcLoc loc, String f, IrType t, Expr... args) {
        return new Expr.Call(f, List.of(args), t, loc);
    }

    public static Expr fn(String name, IrType t, Expr... args) {
        return new Expr.BuiltinCall(name, List.of(args), t, L0);
    }

    public static Expr fnAt(SrcLoc loc, String name, IrType t, Expr... args) {
        return new Expr.BuiltinCall(name, List.of(args), t, loc);
    }

    public static Expr printf(String format, Expr... args) {
        return new Expr.Format(Expr.Format.FormatKind.PRINTF, format, List.of(args), L0);
    }

    public static Expr sprintf(String format, Expr... args) {
        return new Expr.Format(Expr.Format.FormatKind.SPRINTF, format, List.of(args), L0);
    }

    public static Stmt s(Expr e) {
        return new Stmt.ExprStmt(e);
    }

    /** {@code printf(format, args)} as a statement. */
    public static Stmt p(String format, Expr... args) {
        return s(printf(format, args));
    }

    public static Stmt.Block block(Stmt... stmts) {
        return new Stmt.Block(List.of(stmts), L0);
    }

    public static Stmt.Block blockAt(SrcLoc loc, Stmt... stmts) {
        return new Stmt.Block(List.of(stmts), loc);
    }

    public static Stmt ifs(Expr c, Stmt then, Stmt otherwise) {
        return new Stmt.If(c, then, otherwise, L0);
    }

    public static Stmt whiles(Expr c, Stmt body) {
        return new Stmt.While(c, body, L0);
    }

    public static Stmt whileAt(SrcLoc loc, Expr c, Stmt body) {
        return new Stmt.While(c, body, loc);
    }

    public static Stmt fors(Expr init, Expr c, Expr step, Stmt body) {
        return new Stmt.For(init, c, step, body, L0);
    }

    public static Stmt ret(Expr v) {
        return new Stmt.Return(v, L0);
    }

    public static Stmt brk() {
        return new Stmt.Break(L0);
    }

    public static Stmt cont() {
        return new Stmt.Continue(L0);
    }

    public static Stmt next() {
        return new Stmt.Next(L0);
    }

    public static Stmt foreach(String global, List<LocalVar> keys, LocalVar value, SortSpec sort, Expr limit, Stmt body) {
        return new Stmt.Foreach(global, keys, value, List.of(), sort, limit, body, L0);
    }

    public static Stmt foreachSlice(String global, List<LocalVar> keys, List<Expr> slice, Stmt body) {
        return new Stmt.Foreach(global, keys, null, slice, null, null, body, L0);
    }

    public static Stmt delete(String global, Expr... keys) {
        return new Stmt.DeleteElement(global, Arrays.asList(keys), L0);
    }

    public static Stmt deleteAll(String global) {
        return new Stmt.DeleteGlobal(global, L0);
    }

    public static Stmt tryCatch(Stmt body, LocalVar msg, Stmt handler) {
        return new Stmt.TryCatch(body, msg, handler, L0);
    }

    public static ProbeBody probe(String name, List<LocalVar> locals, Stmt... stmts) {
        return new ProbeBody(name, locals, block(stmts), L0);
    }

    public static FunctionDecl function(String name, List<LocalVar> params, IrType ret, List<LocalVar> locals, Stmt... body) {
        return new FunctionDecl(name, params, ret, locals, block(body), L0);
    }

    public static GlobalDecl scalar(String name, IrType t) {
        return GlobalDecl.scalar(name, t, L0);
    }

    public static GlobalDecl array(String name, IrType value, IrType... keys) {
        return GlobalDecl.array(name, List.of(keys), value, L0);
    }
}
