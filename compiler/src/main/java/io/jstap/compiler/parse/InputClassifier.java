package io.jstap.compiler.parse;

import io.jstap.compiler.diag.Source;
import org.antlr.v4.runtime.Token;

/** Tells the REPL, from tokens alone, whether input is complete and whether it declares something. */
final class InputClassifier {
    private InputClassifier() {
    }

    static InputKind classify(String text) {
        StapLexer lexer = Lexing.lexer(new Source("<input>", text));
        int brackets = 0;
        int conditionals = 0;
        int first = -1;
        int second = -1;
        boolean sawConditional = false;
        int afterThen = -1;
        boolean sawThen = false;
        boolean sawBody = false;
        int last = -1;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            int type = t.getType();
            last = type;
            if (first < 0) {
                first = type;
            } else if (second < 0) {
                second = type;
            }
            if (sawThen && afterThen < 0) {
                afterThen = type;
            }
            switch (type) {
                case StapLexer.LPAREN:
                case StapLexer.LBRACK:
                    brackets++;
                    break;
                case StapLexer.LBRACE:
                    brackets++;
                    sawBody = true;
                    break;
                case StapLexer.RPAREN:
                case StapLexer.RBRACK:
                case StapLexer.RBRACE:
                    brackets--;
                    break;
                case StapLexer.EMBEDDED:
                    sawBody = true;
                    break;
                case StapLexer.PP_OPEN:
                    sawConditional = true;
                    conditionals++;
                    break;
                case StapLexer.PP_CLOSE:
                    conditionals--;
                    break;
                case StapLexer.PP_THEN:
                    sawThen = true;
                    break;
                default:
                    break;
            }
        }
        if (first < 0) {
            return InputKind.EMPTY;
        }
        if (last == StapLexer.UNCLOSED_STRING || last == StapLexer.UNCLOSED_COMMENT
                || last == StapLexer.UNCLOSED_EMBEDDED || brackets > 0 || conditionals > 0) {
            return InputKind.INCOMPLETE;
        }
        // Behind a leading %( cond %? the first real token decides.
        int lead = first == StapLexer.PP_OPEN && afterThen >= 0 ? afterThen : first;
        switch (lead) {
            case StapLexer.PROBE:
            case StapLexer.FUNCTION:
                return sawBody ? InputKind.DECLARATION : InputKind.INCOMPLETE;
            case StapLexer.PRIVATE:
                return second == StapLexer.FUNCTION && !sawBody ? InputKind.INCOMPLETE : InputKind.DECLARATION;
            case StapLexer.AT_DEFINE:
                return sawConditional ? InputKind.DECLARATION : InputKind.INCOMPLETE;
            case StapLexer.GLOBAL:
                return InputKind.DECLARATION;
            default:
                return InputKind.STATEMENT;
        }
    }
}
