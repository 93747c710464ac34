package io.jstap.compiler.complete;

/**
 * A global variable.
 *
 * @param name the variable name
 * @param type its type as the REPL shows it ({@code long}, {@code string}, {@code stats},
 *             {@code long[string,long]}); may be empty when not yet inferred
 */
public record GlobalInfo(String name, String type) {
}
