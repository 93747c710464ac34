package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Stmt;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The elaborated program: resolved probes, the globals and functions they use with inferred types, and what
 * every expression node of the elaborated bodies means. The maps are keyed by node identity: two equal
 * expressions in different places may have different types or referents.
 */
public final class Program {
    private final List<ResolvedProbe> probes;
    private final Map<String, GlobalSymbol> globals;
    private final Map<String, FunctionSymbol> functions;
    private final IdentityHashMap<Expr, Type> types;
    private final IdentityHashMap<Expr.Ident, Symbol> symbols;
    private final IdentityHashMap<Expr.TargetVar, ContextVar> contextVars;
    private final IdentityHashMap<Expr.Call, Callee> callees;
    private final IdentityHashMap<Stmt, List<Symbol>> boundVars;

    /**
     * {@code boundVars} maps each foreach to its key variables followed by its value variable (if any), and
     * each try to its catch variable (if any).
     */
    public Program(List<ResolvedProbe> probes, Map<String, GlobalSymbol> globals,
                   Map<String, FunctionSymbol> functions, IdentityHashMap<Expr, Type> types,
                   IdentityHashMap<Expr.Ident, Symbol> symbols, IdentityHashMap<Expr.TargetVar, ContextVar> contextVars,
                   IdentityHashMap<Expr.Call, Callee> callees, IdentityHashMap<Stmt, List<Symbol>> boundVars) {
        this.probes = List.copyOf(probes);
        this.globals = Collections.unmodifiableMap(new LinkedHashMap<>(globals));
        this.functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
        this.types = types;
        this.symbols = symbols;
        this.contextVars = contextVars;
        this.callees = callees;
        this.boundVars = boundVars;
    }

    public List<ResolvedProbe> probes() {
        return probes;
    }

    /** Globals in declaration order (script globals first, then tapset globals in use). */
    public Map<String, GlobalSymbol> globals() {
        return globals;
    }

    /** Functions reachable from the probes, script functions first. */
    public Map<String, FunctionSymbol> functions() {
        return functions;
    }

    /** The type of an expression of an elaborated body, or {@link Type#UNKNOWN} for nodes not in one. */
    public Type typeOf(Expr e) {
        Type t = types.get(e);
        return t == null ? Type.UNKNOWN : t;
    }

    /** The variable an identifier of an elaborated body refers to, or null. */
    public Symbol symbolOf(Expr.Ident e) {
        return symbols.get(e);
    }

    /** What a {@code $var} of an elaborated probe body reads, or null. */
    public ContextVar contextVar(Expr.TargetVar e) {
        return contextVars.get(e);
    }

    /** The function a call resolves to, or null. */
    public Callee callee(Expr.Call e) {
        return callees.get(e);
    }

    /** The variables a foreach binds to its keys, in order (a key may name a global, as in stap). */
    public List<Symbol> foreachKeys(Stmt.Foreach s) {
        List<Symbol> all = boundVars.getOrDefault(s, List.of());
        return s.valueVar() == null || all.isEmpty() ? all : all.subList(0, all.size() - 1);
    }

    /** The variable a foreach binds to the value, or null. */
    public Symbol foreachValue(Stmt.Foreach s) {
        List<Symbol> all = boundVars.getOrDefault(s, List.of());
        return s.valueVar() == null || all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** The variable a catch clause binds the error message to, or null. */
    public Symbol catchVar(Stmt.Try s) {
        List<Symbol> v = boundVars.get(s);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
