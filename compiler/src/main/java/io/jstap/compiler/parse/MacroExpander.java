package io.jstap.compiler.parse;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.diag.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * The first preprocessor pass, as stap's scan_pp1: records {@code @define name(a, b) %( body %)} and
 * replaces each {@code @name(x, y)} use by the body, in which {@code @a} stands for the tokens of {@code x}
 * (read where the use was written). Tokens come out one at a time, on demand of the conditional pass, so
 * a {@code @define} inside a skipped {@code %( %)} branch is never seen. Unknown {@code @words} pass
 * through ({@code @count}, {@code @cast}, ...).
 */
final class MacroExpander {
    /** Nested macro uses; deeper is almost surely a macro that uses itself. */
    static final int MAX_DEPTH = 100;

    private static final Set<String> AT_WORDS = Set.of("cast", "defined", "probewrite", "entry", "perf", "var",
            "avg", "count", "sum", "min", "max", "hist_linear", "hist_log", "const", "variance", "kregister",
            "uregister", "kderef", "uderef", "enum", "enumname");

    private record Definition(String name, List<String> params, List<Token> body, Token nameToken) {
    }

    /** A macro parameter: its tokens and the activation they must be expanded in (null: top level). */
    private record Argument(List<Token> tokens, Activation parent) {
    }

    private static final class Activation {
        final List<Token> body;
        final Map<String, Argument> params;
        /** Shared by every token copied out of this activation (identity matters for adjacency). */
        final Span use;
        int cursor;

        Activation(List<Token> body, Map<String, Argument> params, Span use) {
            this.body = body;
            this.params = params;
            this.use = use;
        }
    }

    private final Source source;
    private final List<Token> input;
    private final Diagnostics diagnostics;
    private final int maxTokens;
    private final Deque<Activation> stack = new ArrayDeque<>();
    private final Map<String, Definition> macros = new HashMap<>();
    private final List<Decl.Macro> declared = new ArrayList<>();
    private int pos;
    private int produced;
    private boolean quiet;
    private boolean exhausted;
    private Token pushedBack;
    /** Where {@link #raw} read its last token: an activation, or null for the input. */
    private Activation lastSource;
    /** Returned by {@link #expand} when the use was replaced by its expansion. */
    private static final Token EXPANDED = new org.antlr.v4.runtime.CommonToken(StapLexer.JUNK);

    MacroExpander(Source source, List<Token> input, Diagnostics diagnostics, int maxTokens) {
        this.source = source;
        this.input = input;
        this.diagnostics = diagnostics;
        this.maxTokens = maxTokens;
    }

    List<Decl.Macro> declared() {
        return declared;
    }

    /**
     * The next token after macro processing, or null at the end. With {@code skipping} (inside a false
     * conditional branch) definitions are not recorded and errors are not reported, as in stap.
     */
    Token next(boolean skipping) {
        quiet = skipping;
        if (pushedBack != null) {
            Token t = pushedBack;
            pushedBack = null;
            return t;
        }
        while (true) {
            Token t = raw();
            if (t == null) {
                if (stack.isEmpty()) {
                    return null;
                }
                stack.pop();
                continue;
            }
            if (t.getType() == StapLexer.AT_DEFINE && !skipping) {
                define(t);
                continue;
            }
            if (Tokens.isAtWord(t.getType())) {
                Token r = expand(t);
                if (r == EXPANDED) {
                    continue;
                }
                t = r;
            }
            if (++produced > maxTokens) {
                if (!exhausted) {
                    exhausted = true;
                    error(ParseCodes.TOO_LARGE, "script too large: more than " + maxTokens
                            + " tokens after macro expansion", t);
                }
                return null;
            }
            return t;
        }
    }

    /** Makes {@code t} (just returned by {@link #next}) the next token again. */
    void pushBack(Token t) {
        pushedBack = t;
    }

    /** The next token of the innermost macro body, or of the input; null at the end of either. */
    private Token raw() {
        Activation act = stack.peek();
        lastSource = act;
        if (act == null) {
            return pos < input.size() ? input.get(pos++) : null;
        }
        if (act.cursor >= act.body.size()) {
            return null;
        }
        Token t = act.body.get(act.cursor++);
        // Body tokens record the use; argument tokens keep the place they were written.
        return new StapToken(t, act.use != null ? act.use : StapToken.expandedFrom(t));
    }

    /**
     * Expands {@code t} if it names a parameter or macro ({@link #EXPANDED}); returns {@code t} itself for
     * an ordinary @-word, and a {@link StapToken#reportedError} stand-in for a broken macro use.
     */
    private Token expand(Token t) {
        String name = t.getText().substring(1);
        Activation act = stack.peek();
        if (act != null && act.params.containsKey(name)) {
            Argument arg = act.params.get(name);
            return push(new Activation(arg.tokens, arg.parent == null ? Map.of() : arg.parent.params, null), t);
        }
        Definition def = macros.get(name);
        if (def == null) {
            return t;
        }
        Map<String, Argument> params = new HashMap<>();
        if (!def.params.isEmpty() && !readArguments(def, t, act, params)) {
            return StapToken.reportedError(t);
        }
        return push(new Activation(def.body, params, Tokens.span(source, t)), t);
    }

    private Token push(Activation a, Token use) {
        if (stack.size() >= MAX_DEPTH) {
            error(ParseCodes.MACRO, "macro expansion too deep (does '" + use.getText() + "' use itself?)", use);
            return StapToken.reportedError(use);
        }
        stack.push(a);
        return EXPANDED;
    }

    /** Reads {@code (a, b)} after a use, without expanding it: arguments expand where they are used. */
    private boolean readArguments(Definition def, Token use, Activation current, Map<String, Argument> out) {
        int n = def.params.size();
        Token t = raw();
        if (t == null || t.getType() != StapLexer.LPAREN) {
            error(ParseCodes.MACRO, "expected '(' in invocation of macro '@" + def.name + "' taking " + n
                    + (n == 1 ? " parameter" : " parameters"), t == null ? use : t);
            if (t != null) {
                unread();
            }
            return false;
        }
        for (int i = 0; i < n; i++) {
            List<Token> tokens = new ArrayList<>();
            int nesting = 0;
            while (true) {
                t = raw();
                if (t == null) {
                    error(ParseCodes.MACRO, "could not find end of macro invocation", use);
                    return false;
                }
                int type = t.getType();
                if (type == StapLexer.LPAREN || type == StapLexer.LBRACK) {
                    nesting++;
                } else if (nesting > 0 && (type == StapLexer.RPAREN || type == StapLexer.RBRACK)) {
                    nesting--;
                } else if (nesting == 0 && (type == StapLexer.RPAREN || type == StapLexer.COMMA)) {
                    break;
                }
                tokens.add(t);
            }
            out.put(def.params.get(i), new Argument(tokens, current));
            if (t.getType() == StapLexer.COMMA && i + 1 == n) {
                error(ParseCodes.MACRO, "too many parameters for macro '@" + def.name + "' (expected " + n + ")", t);
                skipArguments();
                return false;
            }
            if (t.getType() == StapLexer.RPAREN && i + 1 != n) {
                error(ParseCodes.MACRO, "too few parameters for macro '@" + def.name + "' (expected " + n + ")", t);
                return false;
            }
        }
        return true;
    }

    /** Drops the rest of a use's arguments, through the ')' that closes them. */
    private void skipArguments() {
        int nesting = 0;
        for (Token t = raw(); t != null; t = raw()) {
            int type = t.getType();
            if (type == StapLexer.LPAREN || type == StapLexer.LBRACK) {
                nesting++;
            } else if (type == StapLexer.RPAREN || type == StapLexer.RBRACK) {
                if (nesting-- == 0) {
                    return;
                }
            }
        }
    }

    /** Handles {@code @define name[(params)] %( body %)} after the {@code @define} token. */
    private void define(Token at) {
        if (!stack.isEmpty()) {
            error(ParseCodes.MACRO, "'@define' forbidden inside macro body", at);
        }
        Token nameToken = raw();
        if (nameToken == null || nameToken.getType() != StapLexer.IDENT) {
            error(ParseCodes.MACRO, "expected identifier", nameToken == null ? at : nameToken);
            skipBody(nameToken);
            return;
        }
        String name = nameToken.getText();
        boolean ok = true;
        if (name.equals("define")) {
            error(ParseCodes.MACRO, "attempt to redefine '@define'", nameToken);
            ok = false;
        } else if (macros.containsKey(name)) {
            Token first = macros.get(name).nameToken;
            report(Diagnostic.parseError(ParseCodes.MACRO, "attempt to redefine macro '@" + name
                    + "' in the same file", Tokens.span(source, nameToken),
                    "macro '@" + name + "' first defined here: " + Tokens.span(source, first).location()));
            ok = false;
        } else if (AT_WORDS.contains(name)) {
            report(Diagnostic.warning(ParseCodes.MACRO_SHADOWS, "macro redefines built-in operator '@" + name + "'",
                    Tokens.span(source, nameToken)));
        }
        List<String> params = new ArrayList<>();
        Token t = raw();
        boolean sawParams = false;
        if (t != null && t.getType() == StapLexer.LPAREN) {
            sawParams = true;
            while (true) {
                t = raw();
                if (t == null || t.getType() != StapLexer.IDENT) {
                    error(ParseCodes.MACRO, "expected identifier", t == null ? nameToken : t);
                    skipBody(t);
                    return;
                }
                params.add(t.getText());
                t = raw();
                if (t != null && t.getType() == StapLexer.RPAREN) {
                    t = raw();
                    break;
                }
                if (t == null || t.getType() != StapLexer.COMMA) {
                    error(ParseCodes.MACRO, "expected ',' or ')'", t == null ? nameToken : t);
                    skipBody(t);
                    return;
                }
            }
        }
        if (t == null || t.getType() != StapLexer.PP_OPEN) {
            error(ParseCodes.MACRO, sawParams ? "expected '%('" : "expected '%(' or '('", t == null ? nameToken : t);
            if (t != null) {
                unread();
            }
            return;
        }
        List<Token> body = new ArrayList<>();
        Token close = slurpBody(body);
        if (close == null) {
            error(ParseCodes.MACRO, "incomplete macro definition - missing '%)'", nameToken);
            return;
        }
        if (ok) {
            macros.put(name, new Definition(name, List.copyOf(params), body, nameToken));
            String text = source.text().substring(t.getStopIndex() + 1, close.getStartIndex()).trim();
            Span span = Tokens.span(source, at).to(Tokens.span(source, close));
            declared.add(new Decl.Macro(span, name, params, text));
        }
    }

    /** Collects tokens up to the {@code %)} that closes the body; returns it, or null at the end. */
    private Token slurpBody(List<Token> body) {
        int nesting = 0;
        while (true) {
            Token t = raw();
            if (t == null) {
                return null;
            }
            if (t.getType() == StapLexer.PP_OPEN) {
                nesting++;
            } else if (t.getType() == StapLexer.PP_CLOSE) {
                if (nesting == 0) {
                    return t;
                }
                nesting--;
            }
            body.add(t);
        }
    }

    /** After a malformed signature, drops the body that follows it (if one does) to avoid a cascade. */
    private void skipBody(Token from) {
        Token t = from;
        while (t != null && t.getType() != StapLexer.PP_OPEN) {
            if (Tokens.startsDeclaration(t.getType()) || t.getType() == StapLexer.LBRACE) {
                unread();
                return;
            }
            t = raw();
        }
        if (t != null) {
            slurpBody(new ArrayList<>());
        }
    }

    /** Gives back the token just read from the input, so the parser sees it. */
    private void unread() {
        if (lastSource == null) {
            pos--;
        } else {
            lastSource.cursor--;
        }
    }

    private void error(String code, String message, Token at) {
        report(Diagnostic.parseError(code, message, Tokens.span(source, at)));
    }

    private void report(Diagnostic d) {
        if (!quiet) {
            diagnostics.add(d);
        }
    }
}
