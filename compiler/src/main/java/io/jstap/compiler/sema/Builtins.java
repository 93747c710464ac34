package io.jstap.compiler.sema;

import io.jstap.compiler.sema.BuiltinFunction.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every function the compiler implements itself, with its signature: context, time, string, memory,
 * register, stack and output functions. Everything that can be written in the stap language lives in the
 * tapset library instead. Signatures are written the way stap documents them: {@code name:type(p:type, ...)},
 * a {@code ?} after a parameter marks it optional, {@code any} means long or string.
 */
public final class Builtins {

    private static final Map<String, BuiltinFunction> TABLE = new LinkedHashMap<>();

    static {
        // Output and control.
        special("printf", Type.VOID, Kind.FORMAT, "format:string");
        special("sprintf", Type.STRING, Kind.FORMAT, "format:string");
        special("print", Type.VOID, Kind.VARIADIC);
        special("println", Type.VOID, Kind.VARIADIC);
        special("sprint", Type.STRING, Kind.VARIADIC);
        special("sprintln", Type.STRING, Kind.VARIADIC);
        special("printd", Type.VOID, Kind.DELIMITED, "delimiter:string");
        special("printdln", Type.VOID, Kind.DELIMITED, "delimiter:string");
        special("sprintd", Type.STRING, Kind.DELIMITED, "delimiter:string");
        def("exit:void()");
        def("error:void(message:string)");
        def("warn:void(message:string)");
        def("abort:void()");
        def("assert:void(condition:long, message:string?)");
        def("system:void(command:string)");

        // Context of the event.
        def("execname:string()");
        def("pexecname:string()");
        def("pid:long()");
        def("tid:long()");
        def("ppid:long()");
        def("uid:long()");
        def("euid:long()");
        def("gid:long()");
        def("egid:long()");
        def("cpu:long()");
        def("cmdline_str:string()");
        def("target:long()");
        def("stp_pid:long()");
        def("module_name:string()");
        def("user_mode:long()");
        targetDependent("pp:string()");
        targetDependent("pn:string()");
        targetDependent("ppfunc:string()");
        targetDependent("probefunc:string()");
        targetDependent("probemod:string()");
        targetDependent("is_return:long()");

        // Time.
        def("gettimeofday_ns:long()");
        def("ktime_get_ns:long()");
        def("jiffies:long()");
        def("HZ:long()");
        def("get_cycles:long()");
        def("randint:long(n:long)");

        // Strings.
        def("strlen:long(str:string)");
        def("substr:string(str:string, start:long, length:long?)");
        def("stringat:long(str:string, pos:long)");
        def("isinstr:long(s1:string, s2:string)");
        def("strpos:long(haystack:string, needle:string)");
        def("str_replace:string(str:string, from:string, to:string)");
        def("tokenize:string(input:string, delim:string)");
        def("strtol:long(str:string, base:long)");
        def("text_str:string(input:string)");
        def("text_strn:string(input:string, len:long, quoted:long)");
        def("string_quoted:string(str:string)");
        def("toupper:string(str:string)");
        def("tolower:string(str:string)");

        // Kernel and user memory (read only).
        def("kernel_string:string(addr:long)");
        def("kernel_string2:string(addr:long, err_msg:string)");
        def("kernel_string_n:string(addr:long, n:long)");
        def("kernel_long:long(addr:long)");
        def("kernel_int:long(addr:long)");
        def("kernel_short:long(addr:long)");
        def("kernel_char:long(addr:long)");
        def("kernel_pointer:long(addr:long)");
        def("user_string:string(addr:long, err_msg:string?)");
        def("user_string2:string(addr:long, err_msg:string)");
        def("user_string_n:string(addr:long, n:long, err_msg:string?)");
        def("user_string_n2:string(addr:long, n:long, err_msg:string)");
        for (String t : List.of("long", "ulong", "int", "uint", "short", "ushort", "char", "uchar",
                "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64")) {
            def("user_" + t + ":long(addr:long)");
        }

        // Registers and arguments of uprobes and kprobes (there is no debug information for $parameters).
        for (String t : List.of("int", "uint", "long", "ulong", "pointer", "s32", "u32", "s64", "u64")) {
            def(t + "_arg:long(n:long)");
        }
        def("returnval:long()");
        def("register:long(name:string)");
        def("u_register:long(name:string)");

        // Stacks and symbols.
        def("backtrace:string()");
        def("ubacktrace:string()");
        def("sprint_backtrace:string()");
        def("sprint_ubacktrace:string()");
        def("print_backtrace:void()");
        def("print_ubacktrace:void()");
        def("print_stack:void(stack:string)");
        def("print_ustack:void(stack:string)");
        def("symname:string(addr:long)");
        def("usymname:string(addr:long)");
        def("symdata:string(addr:long)");
        def("usymdata:string(addr:long)");
        def("addr:long()");
        def("uaddr:long()");
    }

    private Builtins() {
    }

    /** The built-in named {@code name}, or null. */
    public static BuiltinFunction get(String name) {
        return TABLE.get(name);
    }

    public static Collection<BuiltinFunction> all() {
        return Collections.unmodifiableCollection(TABLE.values());
    }

    public static Collection<String> names() {
        return Collections.unmodifiableSet(TABLE.keySet());
    }

    private static void def(String signature) {
        add(signature, false);
    }

    private static void targetDependent(String signature) {
        add(signature, true);
    }

    private static void add(String signature, boolean targetDependent) {
        int colon = signature.indexOf(':');
        int open = signature.indexOf('(');
        String name = signature.substring(0, colon);
        Type ret = parseType(signature.substring(colon + 1, open));
        List<String> names = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        int min = 0;
        String params = signature.substring(open + 1, signature.length() - 1).trim();
        if (!params.isEmpty()) {
            for (String p : params.split(",")) {
                String[] nt = p.trim().split(":");
                boolean optional = nt[1].endsWith("?");
                names.add(nt[0]);
                types.add(parseType(optional ? nt[1].substring(0, nt[1].length() - 1) : nt[1]));
                if (!optional) {
                    min = names.size();
                }
            }
        }
        TABLE.put(name, new BuiltinFunction(name, ret, names, types, min, Kind.FIXED, targetDependent));
    }

    private static void special(String name, Type ret, Kind kind, String... leading) {
        List<String> names = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        for (String p : leading) {
            String[] nt = p.split(":");
            names.add(nt[0]);
            types.add(parseType(nt[1]));
        }
        TABLE.put(name, new BuiltinFunction(name, ret, names, types, names.size(), kind, false));
    }

    private static Type parseType(String s) {
        switch (s.trim()) {
            case "long": return Type.LONG;
            case "string": return Type.STRING;
            case "void": return Type.VOID;
            case "any": return Type.UNKNOWN;
            default: throw new IllegalArgumentException("bad type in builtin table: " + s);
        }
    }
}
