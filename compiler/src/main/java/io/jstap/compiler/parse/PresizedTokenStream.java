package io.jstap.compiler.parse;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;

/** A token stream over a ready list (the preprocessor's output), its buffer sized once. */
final class PresizedTokenStream extends CommonTokenStream {
    PresizedTokenStream(List<Token> tokens, String name) {
        super(new ListTokenSource(tokens, name));
        this.tokens = new ArrayList<>(tokens.size());
    }
}
