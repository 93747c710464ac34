package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.Stmt;
import io.jstap.compiler.diag.Span;
import java.util.ArrayList;
import java.util.List;

/** A script or tapset function while types are being inferred. */
final class Func {
    final String name;
    final Decl.Function decl;
    final boolean fromTapset;
    final Stmt.Block body;
    final Scope scope;
    final List<Sym> params = new ArrayList<>();
    Type ret = Type.UNKNOWN;
    Span retAt;
    boolean hasValueReturn;

    Func(Decl.Function decl, Stmt.Block body, boolean fromTapset) {
        this.name = decl.name();
        this.decl = decl;
        this.body = body;
        this.fromTapset = fromTapset;
        this.scope = new Scope(this, null, null);
        for (int i = 0; i < decl.params().size(); i++) {
            Decl.Param p = decl.params().get(i);
            Sym s = new Sym(p.name(), Sym.Kind.PARAM, p.span());
            s.paramIndex = i;
            s.arity = 0;
            s.written = true;
            if (p.type() != null) {
                s.type = p.type() == io.jstap.compiler.ast.Ops.TypeName.LONG ? Type.LONG : Type.STRING;
                s.typeAt = p.span();
            }
            params.add(s);
            scope.locals.put(p.name(), s);
        }
        if (decl.returnType() != null) {
            ret = decl.returnType() == io.jstap.compiler.ast.Ops.TypeName.LONG ? Type.LONG : Type.STRING;
            retAt = decl.span();
        }
    }
}
