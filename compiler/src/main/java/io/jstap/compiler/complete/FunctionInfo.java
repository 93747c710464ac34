package io.jstap.compiler.complete;

/**
 * A callable function.
 *
 * @param name      the function name
 * @param signature as stap prints it, {@code strlen:long (s:string)}
 */
public record FunctionInfo(String name, String signature) {

    /** True when the signature declares no parameters, so the call can be completed as {@code name()}. */
    public boolean takesNoArguments() {
        int open = signature.indexOf('(');
        return open >= 0 && signature.substring(open + 1).trim().startsWith(")");
    }
}
