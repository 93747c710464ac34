package io.jstap.compiler.complete;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tokens of one (possibly half-typed) probe point: dotted components, each with an optional
 * parenthesised string or number. Wildcards are glued back onto names, since the scanner splits
 * {@code sys_*} into {@code sys_} and {@code *}.
 */
final class PointParser {

    /**
     * One component; {@code arg} is the decoded string or the number's text, null when there is none, and
     * {@code quoted} tells which of the two it was.
     */
    record Component(String name, String arg, boolean quoted) {

        String render() {
            if (arg == null) {
                return name;
            }
            return name + "(" + (quoted ? '"' + PathCompleter.escape(arg, true) + '"' : arg) + ")";
        }
    }

    /** Where the parse stopped. */
    enum State {
        /** At the start, or after a dot: a component name comes next. */
        NAME,
        /** Right after {@code name(}: the argument comes next. */
        ARG,
        /** After a finished component (or a marker): a dot, comma or brace comes next. */
        AFTER,
        /** Not a probe point we understand. */
        INVALID
    }

    /** The components read, and what comes next. */
    record Parsed(List<Component> components, State state) {

        String render() {
            StringBuilder b = new StringBuilder();
            for (Component c : components) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(c.render());
            }
            return b.toString();
        }
    }

    private PointParser() {
    }

    static Parsed parse(List<Token> tokens) {
        List<Component> out = new ArrayList<>();
        State state = State.NAME;
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (state == State.NAME) {
                if (!isNamePart(t)) {
                    return new Parsed(out, State.INVALID);
                }
                int j = i + 1;
                while (j < tokens.size() && isNamePart(tokens.get(j)) && tokens.get(j - 1).end() == tokens.get(j).start()) {
                    j++;
                }
                out.add(new Component(join(tokens, i, j), null, false));
                state = State.AFTER;
                i = j;
            } else if (state == State.AFTER && t.is(".")) {
                state = State.NAME;
                i++;
            } else if (state == State.AFTER && t.is("(") && !out.isEmpty() && out.get(out.size() - 1).arg() == null) {
                if (i + 1 == tokens.size()) {
                    return new Parsed(out, State.ARG);
                }
                int consumed = argument(tokens, i + 1, out);
                if (consumed < 0) {
                    return new Parsed(out, State.INVALID);
                }
                i = consumed;
            } else if (state == State.AFTER && (t.is("?") || t.is("!"))) {
                i++;
            } else {
                return new Parsed(out, State.INVALID);
            }
        }
        return new Parsed(out, state);
    }

    /** Reads {@code "text")} or {@code N)} after an open paren; returns the index after it, or -1. */
    private static int argument(List<Token> tokens, int i, List<Component> out) {
        Token t = tokens.get(i);
        String arg;
        boolean quoted = t.type() == Token.Type.STRING;
        if (quoted && t.closed()) {
            arg = t.text();
        } else if (t.type() == Token.Type.NUMBER) {
            arg = t.text();
        } else if (t.is("-") && i + 1 < tokens.size() && tokens.get(i + 1).type() == Token.Type.NUMBER) {
            i++;
            arg = "-" + tokens.get(i).text();
        } else {
            return -1;
        }
        if (i + 1 >= tokens.size() || !tokens.get(i + 1).is(")")) {
            return -1;
        }
        Component last = out.remove(out.size() - 1);
        out.add(new Component(last.name(), arg, quoted));
        return i + 2;
    }

    private static boolean isNamePart(Token t) {
        return t.type() == Token.Type.IDENT || t.type() == Token.Type.NUMBER || t.is("*");
    }

    private static String join(List<Token> tokens, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int k = from; k < to; k++) {
            b.append(tokens.get(k).text());
        }
        return b.toString();
    }
}
