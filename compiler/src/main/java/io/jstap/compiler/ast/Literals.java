package io.jstap.compiler.ast;

/** Rendering of literals in stap syntax. */
public final class Literals {
    private Literals() {
    }

    /** A string literal with quotes and the escapes stap understands. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\t': sb.append("\\t"); break;
                case '\r': sb.append("\\r"); break;
                case '\f': sb.append("\\f"); break;
                case 0x0b: sb.append("\\v"); break;
                case 0x07: sb.append("\\a"); break;
                case '\b': sb.append("\\b"); break;
                default:
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\%03o", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
