package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.ProbePoint;
import io.jstap.compiler.ast.Stmt;
import java.util.List;
import java.util.Set;

/** A resolved probe before its types are known: the specialised body and the scope it is typed in. */
final class ProbeDraft {
    final Decl.Probe source;
    final ProbePoint point;
    final List<ProbeTarget> targets;
    final Stmt.Block body;
    final Expr condition;
    final List<String> chain;
    final Set<String> aliasAssigned;
    final Scope scope;
    final String alias;

    ProbeDraft(Decl.Probe source, ProbePoint point, List<ProbeTarget> targets, Stmt.Block body, Expr condition,
               List<String> chain, Set<String> aliasAssigned, Scope scope, String alias) {
        this.source = source;
        this.point = point;
        this.targets = List.copyOf(targets);
        this.body = body;
        this.condition = condition;
        this.chain = List.copyOf(chain);
        this.aliasAssigned = aliasAssigned;
        this.scope = scope;
        this.alias = alias;
    }
}
