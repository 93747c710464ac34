package io.jstap.compiler.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashMap;

/**
 * One USDT argument as sys/sdt.h describes it for x86_64: {@code SIZE@OPERAND}, SIZE in bytes and negative
 * when signed, OPERAND in AT&amp;T syntax: a register ({@code %edi}), a constant ({@code $5}) or memory
 * ({@code -16(%rbp)}, {@code 8(%rax,%rbx,4)}). Registers are kept by their 64-bit pt_regs name
 * ({@code di}, {@code r8}, {@code ip}); a sub-register is read through its size.
 *
 * @param size   bytes read, negative for a signed value; 8 (signed) when the note gives no size
 * @param kind   what the operand is
 * @param base   the register of a REGISTER operand, or the base register of MEMORY (null when absent)
 * @param offset the displacement of MEMORY
 * @param index  the index register of MEMORY, or null
 * @param scale  the index scale of MEMORY (1 without index)
 * @param value  the CONSTANT
 * @param text   the argument as the note spells it
 */
public record UsdtArg(int size, Kind kind, String base, long offset, String index, int scale, long value,
                      String text) {

    public enum Kind { REGISTER, CONSTANT, MEMORY }

    /** An operand jstap cannot read, with the reason. */
    public static final class ParseException extends Exception {
        public ParseException(String message) {
            super(message);
        }
    }

    private static final Map<String, String> REGISTERS = new HashMap<>();

    static {
        String[][] legacy = {
            {"ax", "rax", "eax", "ax", "al"}, {"bx", "rbx", "ebx", "bx", "bl"}, {"cx", "rcx", "ecx", "cx", "cl"},
            {"dx", "rdx", "edx", "dx", "dl"}, {"si", "rsi", "esi", "si", "sil"}, {"di", "rdi", "edi", "di", "dil"},
            {"bp", "rbp", "ebp", "bp", "bpl"}, {"sp", "rsp", "esp", "sp", "spl"}, {"ip", "rip", "eip", "ip"}};
        for (String[] names : legacy) {
            for (int i = 1; i < names.length; i++) {
                REGISTERS.put(names[i], names[0]);
            }
        }
        for (int n = 8; n <= 15; n++) {
            for (String suffix : new String[] {"", "d", "w", "b", "l"}) {
                REGISTERS.put("r" + n + suffix, "r" + n);
            }
        }
    }

    /** Signed when the note's size is negative. */
    public boolean signed() {
        return size < 0;
    }

    /** Parses a whole argument list (whitespace separated); empty text has no arguments. */
    public static List<UsdtArg> parseAll(String text) throws ParseException {
        List<UsdtArg> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String arg : text.strip().split("\\s+")) {
            out.add(parse(arg));
        }
        return out;
    }

    /** Parses one {@code SIZE@OPERAND} (or a bare operand, from the first version of the note format). */
    public static UsdtArg parse(String text) throws ParseException {
        int at = text.indexOf('@');
        int size = -8;
        String op = text;
        if (at > 0) {
            try {
                size = Integer.parseInt(text.substring(0, at));
            } catch (NumberFormatException e) {
                throw new ParseException("bad size in USDT argument '" + text + "'");
            }
            int mag = Math.abs(size);
            if (mag != 1 && mag != 2 && mag != 4 && mag != 8) {
                throw new ParseException("USDT argument '" + text + "' has size " + size + "; only 1, 2, 4 and 8 "
                        + "bytes are read");
            }
            op = text.substring(at + 1);
        }
        if (op.startsWith("%")) {
            return new UsdtArg(size, Kind.REGISTER, register(op, text), 0, null, 1, 0, text);
        }
        if (op.startsWith("$")) {
            Long v = number(op.substring(1));
            if (v == null) {
                throw new ParseException("USDT argument '" + text + "' is a symbolic constant; only numbers are read");
            }
            return new UsdtArg(size, Kind.CONSTANT, null, 0, null, 1, v, text);
        }
        int open = op.indexOf('(');
        if (open < 0 || !op.endsWith(")")) {
            throw new ParseException("cannot parse USDT argument '" + text + "'");
        }
        String disp = op.substring(0, open);
        Long offset = disp.isEmpty() ? Long.valueOf(0) : number(disp);
        if (offset == null) {
            throw new ParseException("USDT argument '" + text + "' addresses memory through a symbol; only "
                    + "register-relative operands are read");
        }
        String[] parts = op.substring(open + 1, op.length() - 1).split(",", -1);
        if (parts.length > 3) {
            throw new ParseException("cannot parse USDT argument '" + text + "'");
        }
        String base = parts[0].isBlank() ? null : register(parts[0].strip(), text);
        if ("ip".equals(base)) {
            throw new ParseException("USDT argument '" + text + "' is relative to %rip; only other registers are read");
        }
        String index = parts.length > 1 && !parts[1].isBlank() ? register(parts[1].strip(), text) : null;
        int scale = 1;
        if (parts.length > 2) {
            Long s = number(parts[2].strip());
            if (s == null || (s != 1 && s != 2 && s != 4 && s != 8)) {
                throw new ParseException("bad scale in USDT argument '" + text + "'");
            }
            scale = s.intValue();
        }
        if (base == null && index == null) {
            throw new ParseException("cannot parse USDT argument '" + text + "'");
        }
        return new UsdtArg(size, Kind.MEMORY, base, offset, index, scale, 0, text);
    }

    private static String register(String op, String text) throws ParseException {
        String name = REGISTERS.get(op.substring(1).toLowerCase(Locale.ROOT));
        if (!op.startsWith("%") || name == null) {
            throw new ParseException("USDT argument '" + text + "' uses register " + op
                    + ", which is not an x86_64 general-purpose register");
        }
        return name;
    }

    /** A decimal, hexadecimal or octal number with an optional sign, or null. */
    private static Long number(String s) {
        boolean neg = s.startsWith("-");
        String digits = neg || s.startsWith("+") ? s.substring(1) : s;
        try {
            long v;
            if (digits.startsWith("0x") || digits.startsWith("0X")) {
                v = Long.parseUnsignedLong(digits.substring(2), 16);
            } else if (digits.length() > 1 && digits.startsWith("0")) {
                v = Long.parseLong(digits.substring(1), 8);
            } else {
                v = Long.parseLong(digits);
            }
            return neg ? -v : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
