package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Ops;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.tapset.TapsetLibrary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Globals and functions by name: the script's own first, then built-ins, then the tapset library, whose
 * declarations are pulled in (transitively, as they are typed) only when something refers to them.
 */
final class SymbolTable {
    final Map<String, Sym> globals = new LinkedHashMap<>();
    final List<Func> funcs = new ArrayList<>();
    private final Map<String, Func> userFuncs = new LinkedHashMap<>();
    private final Map<Decl.Function, Func> tapsetFuncs = new LinkedHashMap<>();
    private final Map<TapsetLibrary.GlobalDef, Sym> tapsetGlobals = new LinkedHashMap<>();
    private final TapsetLibrary lib;
    private final Reporter rep;
    private final AstCopier copier = new AstCopier();

    SymbolTable(UserDecls user, TapsetLibrary lib, Reporter rep, BodySpecializer functionSpecializer) {
        this.lib = lib;
        this.rep = rep;
        for (Map.Entry<String, Decl.GlobalVar> e : user.globals.entrySet()) {
            globals.put(e.getKey(), global(e.getValue(), user.globalDecls.get(e.getKey()), false));
        }
        for (Decl.Function f : user.functions.values()) {
            Func fn = new Func(f, functionSpecializer.copyBlock(f.body()), false);
            userFuncs.put(f.name(), fn);
            funcs.add(fn);
        }
    }

    private Sym global(Decl.GlobalVar v, Decl.Global decl, boolean fromTapset) {
        Sym s = new Sym(v.name(), Sym.Kind.GLOBAL, v.span());
        s.decl = v;
        s.fromTapset = fromTapset;
        s.order = globals.size() + tapsetGlobals.size();
        if (v.size() != null || v.wrap()) {
            s.mustBeArray = true;
        }
        if (v.init() != null) {
            Expr init = v.init();
            if (init instanceof Expr.Unary u && u.op() == Ops.UnOp.NEG && u.operand() instanceof Expr.LongLit l) {
                init = new Expr.LongLit(u.span(), -l.value());
            }
            if (init instanceof Expr.LongLit || init instanceof Expr.StringLit) {
                s.init = copier.copy(init);
                s.type = init instanceof Expr.LongLit ? Type.LONG : Type.STRING;
                s.typeAt = init.span();
                s.written = true;
                if (!s.mustBeArray) {
                    s.arity = 0;
                }
            } else {
                rep.error("global-init", "initializer of global '" + v.name() + "' must be a literal number or string",
                        init.span());
            }
        }
        return s;
    }

    /** The global {@code name} seen from code in {@code from}, pulling in a tapset global if needed. */
    Sym global(String name, Source from) {
        Sym s = globals.get(name);
        if (s != null) {
            return s;
        }
        TapsetLibrary.GlobalDef def = lib.global(name, from);
        if (def == null) {
            return null;
        }
        s = tapsetGlobals.get(def);
        if (s == null) {
            s = global(def.var(), def.decl(), true);
            tapsetGlobals.put(def, s);
        }
        return s;
    }

    /** A {@link Func} or {@link BuiltinFunction} for a call from code in {@code from}, or null. */
    Object callee(String name, Source from) {
        Func f = userFuncs.get(name);
        if (f != null) {
            return f;
        }
        BuiltinFunction b = Builtins.get(name);
        if (b != null) {
            return b;
        }
        Decl.Function d = lib.function(name, from);
        if (d == null) {
            return null;
        }
        f = tapsetFuncs.get(d);
        if (f == null) {
            f = new Func(d, copier.copyBlock(d.body()), true);
            tapsetFuncs.put(d, f);
            funcs.add(f);
        }
        return f;
    }

    /** Function names for "did you mean". */
    Collection<String> functionNames() {
        Set<String> out = new LinkedHashSet<>(userFuncs.keySet());
        out.addAll(Builtins.names());
        out.addAll(lib.publicFunctionNames());
        return out;
    }

    /** Every global in use: the script's, then tapset globals in the order they were pulled in. */
    List<Sym> allGlobals() {
        List<Sym> out = new ArrayList<>(globals.values());
        out.addAll(tapsetGlobals.values());
        return out;
    }

    boolean isUserFunction(String name) {
        return userFuncs.containsKey(name);
    }

    Func userFunction(String name) {
        return userFuncs.get(name);
    }

    TapsetLibrary library() {
        return lib;
    }
}
