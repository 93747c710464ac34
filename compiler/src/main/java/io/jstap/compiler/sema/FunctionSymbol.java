package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.Stmt;
import java.util.List;

/**
 * A script or tapset function with its inferred signature. {@code returnType} is {@link Type#VOID} when it
 * returns no value; {@code locals} excludes the parameters; {@code body} is the elaborated copy.
 */
public record FunctionSymbol(String name, Type returnType, List<LocalSymbol> params, List<LocalSymbol> locals,
                             Stmt.Block body, Decl.Function decl, boolean fromTapset) implements Callee {

    public FunctionSymbol {
        params = List.copyOf(params);
        locals = List.copyOf(locals);
    }

    /** {@code name:type (p:type, ...)} as stap -p2 prints a function. */
    public String signature() {
        StringBuilder sb = new StringBuilder(name).append(':').append(returnType).append(" (");
        for (int i = 0; i < params.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(params.get(i).name()).append(':').append(params.get(i).type());
        }
        return sb.append(')').toString();
    }
}
