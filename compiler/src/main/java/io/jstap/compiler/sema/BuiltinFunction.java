package io.jstap.compiler.sema;

import java.util.List;

/**
 * A function the compiler implements itself (see {@link Builtins}). {@code paramTypes} holds
 * {@link Type#UNKNOWN} for "long or string"; {@code minArgs} is less than the parameter count for trailing
 * optional parameters. {@code targetDependent} marks functions whose value depends on which probe point
 * fired ({@code pp()}), so a body calling them gets one program per target.
 */
public record BuiltinFunction(String name, Type returnType, List<String> paramNames, List<Type> paramTypes,
                              int minArgs, Kind kind, boolean targetDependent) implements Callee {

    /** How the arguments are checked. */
    public enum Kind {
        /** Fixed parameters, {@code minArgs} of them required. */
        FIXED,
        /** {@code printf}/{@code sprintf}: a literal format string, then what it asks for. */
        FORMAT,
        /** {@code print}/{@code println}/{@code sprintln}: any number of longs or strings (or a histogram). */
        VARIADIC,
        /** {@code printd}/{@code printdln}: a literal delimiter, then one or more values. */
        DELIMITED
    }

    public BuiltinFunction {
        paramNames = List.copyOf(paramNames);
        paramTypes = List.copyOf(paramTypes);
    }

    /** The signature as stap's --dump-functions prints it: {@code substr:string (str:string, start:long, ...)}. */
    public String signature() {
        StringBuilder sb = new StringBuilder(name).append(':').append(returnType).append(" (");
        for (int i = 0; i < paramNames.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Type t = paramTypes.get(i);
            sb.append(paramNames.get(i)).append(':').append(t.known() ? t.toString() : "any");
            if (i >= minArgs) {
                sb.append('?');
            }
        }
        if (kind != Kind.FIXED) {
            sb.append(paramNames.isEmpty() ? "..." : ", ...");
        }
        return sb.append(')').toString();
    }
}
