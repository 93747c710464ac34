package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Expr;
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

    public Program(List<ResolvedProbe> probes, Map<String, GlobalSymbol> globals,
                   Map<String, FunctionSymbol> functions, IdentityHashMap<Expr, Type> types,
                   IdentityHashMap<Expr.Ident, Symbol> symbols, IdentityHashMap<Expr.TargetVar, ContextVar> contextVars,
                   IdentityHashMap<Expr.Call, Callee> callees) {
        this.probes = List.copyOf(probes);
        this.globals = Collections.unmodifiableMap(new LinkedHashMap<>(globals));
        this.functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
        this.types = types;
        this.symbols = symbols;
        this.contextVars = contextVars;
        this.callees = callees;
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
}
