package io.jstap.compiler.complete;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The shape of a token list at its end: which top-level declaration it is in (and whether inside its body),
 * which brackets are open, how deep in {@code %( %)} conditionals. Tolerates stray and mismatched brackets.
 */
final class Structure {

    /** The top-level declaration the end of the text belongs to. */
    enum Decl { NONE, PROBE, FUNCTION, GLOBAL, DEFINE }

    Decl decl = Decl.NONE;
    /** Token index of the declaration keyword, or -1. */
    int declStart = -1;
    /** Token index of the first token of the body, or -1 while still in the header. */
    int bodyStart = -1;
    /** Open brackets, innermost first: {, ( or [. */
    final Deque<Character> open = new ArrayDeque<>();
    /** True when a closing bracket did not match (the parser will report it). */
    boolean mismatched;
    int condDepth;

    private Structure() {
    }

    static Structure of(List<Token> tokens) {
        Structure s = new Structure();
        for (int i = 0; i < tokens.size(); i++) {
            s.step(tokens, i);
        }
        return s;
    }

    boolean inBody() {
        return bodyStart >= 0 && !open.isEmpty();
    }

    boolean inHeader() {
        return (decl == Decl.PROBE || decl == Decl.FUNCTION) && bodyStart < 0;
    }

    private void step(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (t.type() == Token.Type.COND) {
            if (t.text().equals("%(")) {
                condDepth++;
                if (decl == Decl.DEFINE) {
                    decl = Decl.NONE;   // the macro body is a conditional-delimited block
                }
            } else if (t.text().equals("%)")) {
                condDepth = Math.max(0, condDepth - 1);
            }
            return;
        }
        // after a dot, "function" is a probe point component (process("x").function("f")), not a declaration
        if (open.isEmpty() && (i == 0 || !tokens.get(i - 1).is(".")) && startsDecl(t, i)) {
            return;
        }
        if (t.type() != Token.Type.OP || t.text().length() != 1) {
            return;
        }
        char c = t.text().charAt(0);
        if (c == ';' && open.isEmpty() && decl == Decl.GLOBAL) {
            decl = Decl.NONE;
        } else if (c == '{' || c == '(' || c == '[') {
            if (c == '{' && open.isEmpty() && inHeader()) {
                bodyStart = i + 1;
            }
            open.push(c);
        } else if (c == '}' || c == ')' || c == ']') {
            close(c == '}' ? '{' : c == ')' ? '(' : '[');
            if (c == '}' && open.isEmpty() && bodyStart >= 0) {
                decl = Decl.NONE;
                declStart = -1;
                bodyStart = -1;
            }
        }
    }

    private boolean startsDecl(Token t, int i) {
        Decl d = null;
        if (t.isIdent()) {
            switch (t.text()) {
                case "probe": d = Decl.PROBE; break;
                case "function": d = Decl.FUNCTION; break;
                case "global": d = Decl.GLOBAL; break;
                default: return false;
            }
        } else if (t.type() == Token.Type.AT && t.text().equals("@define")) {
            d = Decl.DEFINE;
        } else {
            return false;
        }
        decl = d;
        declStart = i;
        bodyStart = -1;
        return true;
    }

    /** Pops up to the matching opener; a closer with no opener at all is ignored. */
    private void close(char opener) {
        if (open.isEmpty()) {
            mismatched = true;
            return;
        }
        if (open.peek() == opener) {
            open.pop();
            return;
        }
        mismatched = true;
        if (open.contains(opener)) {
            while (open.pop() != opener) {
                // drop the unclosed inner brackets
            }
        }
    }
}
