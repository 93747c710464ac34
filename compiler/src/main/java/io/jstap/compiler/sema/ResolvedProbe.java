package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.ProbePoint;
import io.jstap.compiler.ast.Stmt;
import java.util.List;

/**
 * One probe body attached to one or more targets. {@code body} is the merged body after alias expansion
 * (alias prologues, the user's body, alias epilogues), already specialised: {@code @defined} folded, script
 * arguments substituted. A probe with several targets never depends on which of them fired (no context
 * variables, no {@code pp()}), so one program can serve them all.
 *
 * @param source     the probe as written
 * @param point      the point of {@code source} this came from
 * @param condition  the point's {@code if (...)} guard, or null
 * @param locals     every local of the body, alias locals included
 * @param aliasLocals the locals assigned by alias bodies ({@code name}, {@code fd}, {@code argstr}, ...)
 * @param expansion  how the point was expanded, concrete point first: {@code kernel.trace(...)},
 *                   {@code syscall.read}, then the point as written, {@code syscall.*}
 * @param alias      the alias the written point matched ({@code syscall.read}), or null for a built-in point
 */
public record ResolvedProbe(Decl.Probe source, ProbePoint point, List<ProbeTarget> targets, Stmt.Block body,
                            Expr condition, List<LocalSymbol> locals, List<LocalSymbol> aliasLocals,
                            List<String> expansion, String alias) {

    public ResolvedProbe {
        targets = List.copyOf(targets);
        locals = List.copyOf(locals);
        aliasLocals = List.copyOf(aliasLocals);
        expansion = List.copyOf(expansion);
    }
}
