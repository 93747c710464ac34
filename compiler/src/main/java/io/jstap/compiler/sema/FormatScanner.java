package io.jstap.compiler.sema;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a printf format the way stap does, to type-check the arguments: {@code %[flags][width][.prec]
 * [length]conv} with {@code *} width/precision taking a long argument. Conversions: {@code d i u o x X c p b m M}
 * take a long, {@code s} a string, {@code %%} nothing.
 */
public final class FormatScanner {

    /** The argument types a format asks for, in order, or the problem found in it. */
    public record Result(List<Type> argTypes, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private FormatScanner() {
    }

    public static Result scan(String format) {
        List<Type> types = new ArrayList<>();
        int i = 0;
        int n = format.length();
        while (i < n) {
            char c = format.charAt(i++);
            if (c != '%') {
                continue;
            }
            if (i < n && format.charAt(i) == '%') {
                i++;
                continue;
            }
            while (i < n && "-+ #0".indexOf(format.charAt(i)) >= 0) {
                i++;
            }
            if (i < n && format.charAt(i) == '*') {
                types.add(Type.LONG);
                i++;
            } else {
                while (i < n && Character.isDigit(format.charAt(i))) {
                    i++;
                }
            }
            if (i < n && format.charAt(i) == '.') {
                i++;
                if (i < n && format.charAt(i) == '*') {
                    types.add(Type.LONG);
                    i++;
                } else {
                    while (i < n && Character.isDigit(format.charAt(i))) {
                        i++;
                    }
                }
            }
            while (i < n && "hlLqjzt".indexOf(format.charAt(i)) >= 0) {
                i++;
            }
            if (i >= n) {
                return new Result(types, "missing conversion specifier at the end of the format");
            }
            char conv = format.charAt(i++);
            if ("diuoxXcpbmM".indexOf(conv) >= 0) {
                types.add(Type.LONG);
            } else if (conv == 's') {
                types.add(Type.STRING);
            } else {
                return new Result(types, "invalid conversion specifier '%" + conv + "' in format");
            }
        }
        return new Result(types, null);
    }
}
