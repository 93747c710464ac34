package io.jstap.compiler.sema;

import io.jstap.compiler.diag.Span;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The body being typed: a function ({@code func} set) or a probe ({@code target} is its single target, or
 * null when it has several, none of which it depends on). Locals are declared on first use, as in stap.
 */
final class Scope {
    final Func func;
    final ProbeTarget target;
    final ProbeTarget entryTarget;
    final Map<String, Sym> locals = new LinkedHashMap<>();
    final Set<Func> calls = Collections.newSetFromMap(new IdentityHashMap<>());
    /** While typing an {@code @entry(...)} operand. */
    boolean inEntry;
    int loopDepth;

    Scope(Func func, ProbeTarget target, ProbeTarget entryTarget) {
        this.func = func;
        this.target = target;
        this.entryTarget = entryTarget;
    }

    Sym local(String name, Span at) {
        Sym s = locals.get(name);
        if (s == null) {
            s = new Sym(name, Sym.Kind.LOCAL, at);
            s.arity = 0;
            locals.put(name, s);
        }
        return s;
    }
}
