package io.jstap.compiler.complete;

import java.util.ArrayList;
import java.util.List;

/**
 * Globals and functions declared in the buffer itself, so that a script typed in one go completes its own
 * names before the session knows them. Read from the whole buffer, not only the text before the cursor.
 */
record ScriptDecls(List<String> globals, List<FunctionInfo> functions) {

    static ScriptDecls of(String buffer) {
        List<Token> tokens = Scanner.scan(buffer).tokens();
        List<String> globals = new ArrayList<>();
        List<FunctionInfo> functions = new ArrayList<>();
        int depth = 0;
        boolean inGlobal = false;
        boolean expectName = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("{") || t.is("(") || t.is("[")) {
                depth++;
                continue;
            }
            if (t.is("}") || t.is(")") || t.is("]")) {
                depth = Math.max(0, depth - 1);
                continue;
            }
            if (depth > 0 || (i > 0 && tokens.get(i - 1).is("."))) {
                continue;
            }
            if (t.is("global")) {
                inGlobal = true;
                expectName = true;
            } else if (t.is("probe") || t.is(";") || t.type() == Token.Type.AT) {
                inGlobal = false;
            } else if (t.is("function")) {
                inGlobal = false;
                FunctionInfo f = function(tokens, i + 1);
                if (f != null) {
                    functions.add(f);
                }
            } else if (inGlobal && t.is(",")) {
                expectName = true;
            } else if (inGlobal && expectName && t.isIdent()) {
                globals.add(t.text());
                expectName = false;
            }
        }
        return new ScriptDecls(globals, functions);
    }

    /** {@code name[:type] (params)} rendered the way signatures are shown: {@code name:long (a:long, b)}. */
    private static FunctionInfo function(List<Token> tokens, int i) {
        if (i >= tokens.size() || !tokens.get(i).isIdent()) {
            return null;
        }
        String name = tokens.get(i).text();
        StringBuilder sig = new StringBuilder(name);
        int k = i + 1;
        if (k + 1 < tokens.size() && tokens.get(k).is(":") && tokens.get(k + 1).isIdent()) {
            sig.append(':').append(tokens.get(k + 1).text());
            k += 2;
        }
        if (k >= tokens.size() || !tokens.get(k).is("(")) {
            return new FunctionInfo(name, sig.toString());
        }
        sig.append(" (");
        for (k++; k < tokens.size() && !tokens.get(k).is(")") && !tokens.get(k).is("{"); k++) {
            Token t = tokens.get(k);
            sig.append(t.text());
            if (t.is(",")) {
                sig.append(' ');
            }
        }
        return new FunctionInfo(name, sig.append(')').toString());
    }
}
