package io.jstap.compiler.complete;

import java.util.List;

/**
 * What the cursor is in, as {@link ContextFinder} worked it out.
 *
 * @param where      the kind of place
 * @param wordStart  offset where the word being completed starts
 * @param word       the (decoded) word before the cursor; empty when the cursor follows a space or punctuation
 * @param wordType   the token type of the word, or null when the word is empty
 * @param components for probe points: the components before the one being typed (for an argument: up to
 *                   and including the component whose argument it is)
 * @param quoted     for probe point arguments: whether the opening quote is already typed
 * @param probePoint in a probe body: the first point of the enclosing probe, as text; null elsewhere
 * @param locals     in a body: names of local variables seen before the cursor
 */
record CursorContext(Where where, int wordStart, String word, Token.Type wordType,
                     List<PointParser.Component> components, boolean quoted, String probePoint,
                     List<String> locals) {

    enum Where {
        /** Nowhere to complete: a comment, a string, a name being declared. */
        NONE,
        /** Between declarations. */
        TOP,
        /** A probe point component name. */
        POINT_NAME,
        /** A probe point component argument. */
        POINT_ARG,
        /** A probe or function body. */
        BODY,
        /** An expression outside a body, such as a probe's {@code if} guard. */
        EXPRESSION
    }

    static CursorContext none(int cursor) {
        return new CursorContext(Where.NONE, cursor, "", null, List.of(), false, null, List.of());
    }
}
