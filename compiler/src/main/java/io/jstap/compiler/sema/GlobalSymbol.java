package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.diag.Span;
import java.util.List;

/**
 * A global after inference. {@code type} is the value type ({@link Type#STATS} for aggregates);
 * {@code keyTypes} is empty for scalars. {@code size} (null unless declared), {@code wrap} ({@code %}) and
 * {@code init} (null unless given) come from the declaration. {@code read}/{@code written}: whether any probe
 * or function in use reads or writes it (stap prints globals that are written but never read at the end).
 */
public record GlobalSymbol(String name, Type type, List<Type> keyTypes, Long size, boolean wrap, Expr init,
                           Span span, boolean fromTapset, boolean read, boolean written) implements Symbol {

    public GlobalSymbol {
        keyTypes = List.copyOf(keyTypes);
    }

    public boolean isArray() {
        return !keyTypes.isEmpty();
    }

    public boolean isStats() {
        return type == Type.STATS;
    }

    /** {@code name:type [k1, k2]} as stap -p2 prints a global. */
    public String signature() {
        StringBuilder sb = new StringBuilder(name).append(':').append(type);
        if (isArray()) {
            sb.append(" [");
            for (int i = 0; i < keyTypes.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(keyTypes.get(i));
            }
            sb.append(']');
        }
        return sb.toString();
    }
}
