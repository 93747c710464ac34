package io.jstap.compiler.tapset;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Literals;
import io.jstap.compiler.ast.Ops;
import io.jstap.compiler.ast.ProbePoint;
import io.jstap.compiler.ast.Stmt;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.diag.Span;
import io.jstap.compiler.probe.ProbeCatalog;
import io.jstap.compiler.probe.TracepointFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Synthesises the {@code syscall.NAME} and {@code syscall.NAME.return} aliases (with {@code nd_syscall.}
 * synonyms) for every syscall the catalog has, over its {@code syscalls:sys_enter_NAME}/{@code sys_exit_NAME}
 * tracepoints. Each entry alias sets stap's variables: {@code name}, one variable per argument (strings read
 * with {@code user_string_quoted}, other pointers as {@code NAME_uaddr}, 32-bit integers sign- or
 * zero-extended) and {@code argstr}; each return alias sets {@code name}, {@code retval} and {@code retstr}.
 */
public final class SyscallTapset {

    /** The first component of every alias made here. */
    public static final Set<String> ROOTS = Set.of("syscall", "nd_syscall");

    /** Tracepoint names that stap calls differently. */
    static final Map<String, String> STAP_NAMES = Map.of("newfstat", "fstat", "newstat", "stat",
            "newlstat", "lstat", "newuname", "uname", "newfstatat", "fstatat", "pread64", "pread",
            "pwrite64", "pwrite");

    /** {@code char *} arguments that are NUL-terminated input strings (paths, names). */
    private static final Set<String> STRING_ARGS = Set.of("filename", "pathname", "path", "name", "oldname",
            "newname", "u_name", "specialfile", "special", "_type", "_description", "_key", "uname",
            "to_pathname", "from_pathname", "put_old", "new_root", "_fs_name", "_callout_info", "type",
            "dir_name", "dev_name");

    private static final Set<String> SIGNED_32 = Set.of("int", "pid_t", "key_t", "key_serial_t", "mqd_t",
            "clockid_t", "timer_t", "rwf_t", "s32", "__s32", "int32_t");
    private static final Set<String> UNSIGNED_32 = Set.of("unsigned int", "unsigned", "u32", "__u32",
            "uint32_t", "uid_t", "gid_t", "qid_t", "umode_t", "mode_t");
    private static final Set<String> KEYWORDS = Set.of("probe", "global", "function", "if", "else", "for",
            "foreach", "in", "limit", "return", "delete", "while", "break", "continue", "next", "try", "catch",
            "private", "string", "long");

    private SyscallTapset() {
    }

    /** Every syscall alias the catalog supports, entry and return, in the catalog's order. */
    public static List<Decl.ProbeAlias> generate(ProbeCatalog catalog) {
        List<Decl.ProbeAlias> out = new ArrayList<>();
        for (String sys : catalog.syscalls()) {
            out.addAll(generate(catalog, sys));
        }
        return out;
    }

    /** The aliases of one syscall (entry, and return when the exit tracepoint exists). */
    public static List<Decl.ProbeAlias> generate(ProbeCatalog catalog, String sys) {
        Optional<TracepointFormat> enter = catalog.tracepoint("syscalls", "sys_enter_" + sys);
        if (enter.isEmpty()) {
            return List.of();
        }
        boolean hasExit = catalog.tracepoint("syscalls", "sys_exit_" + sys).isPresent();
        Emitter draft = new Emitter(null);
        write(draft, sys, enter.get(), hasExit);
        Source source = new Source("<tapset>/syscall." + stapName(sys) + ".stp", draft.text());
        Emitter e = new Emitter(source);
        return write(e, sys, enter.get(), hasExit);
    }

    static String stapName(String sys) {
        return STAP_NAMES.getOrDefault(sys, sys);
    }

    private static List<Decl.ProbeAlias> write(Emitter e, String sys, TracepointFormat enter, boolean hasExit) {
        List<Decl.ProbeAlias> out = new ArrayList<>();
        String stap = stapName(sys);
        out.add(alias(e, sys, stap, "", "sys_enter_", entryBody(e, stap, enter)));
        if (hasExit) {
            out.add(alias(e, sys, stap, ".return", "sys_exit_", returnBody(stap)));
        }
        return out;
    }

    /** Writes {@code probe syscall.X = nd_syscall.X = kernel.trace("syscalls:...") { body }}. */
    private static Decl.ProbeAlias alias(Emitter e, String sys, String stap, String suffix, String event,
                                         List<Line> body) {
        Span start = e.put("probe ");
        List<ProbePoint> names = new ArrayList<>();
        List<String> spellings = new ArrayList<>(List.of("syscall." + stap + suffix, "nd_syscall." + stap + suffix));
        if (!stap.equals(sys)) {
            spellings.addAll(List.of("syscall." + sys + suffix, "nd_syscall." + sys + suffix));
        }
        for (int i = 0; i < spellings.size(); i++) {
            if (i > 0) {
                e.put(" = ");
            }
            names.add(point(e, spellings.get(i)));
        }
        e.put(" = ");
        Span kt = e.put("kernel");
        ProbePoint.Component kernel = new ProbePoint.Component(kt, "kernel", null);
        e.put(".");
        Span trace = e.put("trace(");
        Span argSpan = e.put(Literals.quote("syscalls:" + event + sys));
        e.put(")");
        ProbePoint.Component tc = new ProbePoint.Component(new Span(trace.source(), trace.line(), trace.col(),
                trace.offset(), argSpan.offset() + argSpan.length() + 1 - trace.offset()), "trace",
                new Expr.StringLit(argSpan, "syscalls:" + event + sys));
        ProbePoint target = new ProbePoint(e.from(kt), List.of(kernel, tc), false, false, null);
        e.put(" ");
        Span open = e.put("{");
        e.newline();
        List<Stmt> stmts = new ArrayList<>();
        for (Line l : body) {
            stmts.add(l.write(e));
        }
        e.put("}");
        Stmt.Block block = new Stmt.Block(e.from(open), stmts);
        Decl.ProbeAlias alias = new Decl.ProbeAlias(e.from(start), names, List.of(target), false, block);
        e.newline();
        return alias;
    }

    private static ProbePoint point(Emitter e, String dotted) {
        List<ProbePoint.Component> comps = new ArrayList<>();
        Span first = null;
        String[] parts = dotted.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                e.put(".");
            }
            Span s = e.put(parts[i]);
            first = first == null ? s : first;
            comps.add(new ProbePoint.Component(s, parts[i], null));
        }
        return new ProbePoint(e.from(first), comps, false, false, null);
    }

    /** One generated statement {@code var = value}. */
    private interface Line {
        Stmt write(Emitter e);
    }

    /** {@code var = "text"}, {@code var = fn($field)}, {@code var = $field} or {@code var = sprintf(...)}. */
    private record Assign(String var, String text, String fn, String field, List<String> fmtArgs) implements Line {
        public Stmt write(Emitter e) {
            e.put("  ");
            Span vs = e.put(var);
            e.put(" = ");
            Expr value;
            if (fmtArgs != null) {
                Span fs = e.put("sprintf");
                e.put("(");
                List<Expr> args = new ArrayList<>();
                args.add(new Expr.StringLit(e.put(Literals.quote(text)), text));
                for (String a : fmtArgs) {
                    e.put(", ");
                    args.add(new Expr.Ident(e.put(a), a));
                }
                e.put(")");
                value = new Expr.Call(e.from(fs), "sprintf", args);
            } else if (field == null) {
                value = new Expr.StringLit(e.put(Literals.quote(text)), text);
            } else if (fn == null) {
                value = new Expr.TargetVar(e.put("$" + field), "$" + field, List.of(), 0);
            } else {
                Span fs = e.put(fn);
                e.put("(");
                List<Expr> args = new ArrayList<>();
                if (text != null) {
                    args.add(new Expr.LongLit(e.put(text), Long.parseLong(text)));
                    e.put(", ");
                }
                args.add(new Expr.TargetVar(e.put("$" + field), "$" + field, List.of(), 0));
                e.put(")");
                value = new Expr.Call(e.from(fs), fn, args);
            }
            Expr assign = new Expr.Assign(e.from(vs), Ops.AssignOp.ASSIGN, new Expr.Ident(vs, var), value);
            Stmt s = new Stmt.ExprStmt(e.from(vs), assign);
            e.newline();
            return s;
        }
    }

    private static List<Line> entryBody(Emitter e, String stap, TracepointFormat f) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Assign("name", stap, null, null, null));
        StringBuilder fmt = new StringBuilder();
        List<String> vars = new ArrayList<>();
        for (TracepointFormat.Field field : f.eventFields()) {
            if (field.name().equals("__syscall_nr")) {
                continue;
            }
            String ctype = field.cType().replace("const ", "").trim();
            String base = field.name().replaceFirst("^_+", "");
            String conv;
            if (ctype.contains("*") && ctype.startsWith("char") && !ctype.contains("* *") && !ctype.endsWith("**")
                    && STRING_ARGS.contains(field.name()) && ctype.indexOf('*') == ctype.lastIndexOf('*')) {
                String var = safe(base.equals("name") ? "name_str" : base);
                lines.add(new Assign(var, null, "user_string_quoted", field.name(), null));
                vars.add(var);
                conv = "%s";
            } else if (ctype.contains("*")) {
                String var = safe(base + "_uaddr");
                lines.add(new Assign(var, null, null, field.name(), null));
                vars.add(var);
                conv = "0x%x";
            } else {
                String var = safe(base);
                String ext = extension(field.name(), ctype);
                lines.add(new Assign(var, null, ext, field.name(), null));
                vars.add(var);
                conv = ctype.equals("umode_t") || ctype.equals("mode_t") || base.equals("mode") ? "%#o" : "%d";
            }
            fmt.append(fmt.length() == 0 ? "" : ", ").append(conv);
        }
        lines.add(new Assign("argstr", fmt.toString(), null, null, vars));
        return lines;
    }

    private static List<Line> returnBody(String stap) {
        return List.of(new Assign("name", stap, null, null, null),
                new Assign("retval", null, null, "return", null),
                new Assign("retstr", "1", "return_str", "return", null));
    }

    /** The conversion that gives a 32-bit argument its C value (the record holds the whole register). */
    private static String extension(String name, String ctype) {
        if (name.endsWith("fd") || name.startsWith("fd_") || name.equals("fdin") || name.equals("fdout")) {
            return "__int32";
        }
        if (SIGNED_32.contains(ctype)) {
            return "__int32";
        }
        if (UNSIGNED_32.contains(ctype)) {
            return "__uint32";
        }
        return null;
    }

    private static String safe(String var) {
        return KEYWORDS.contains(var) || var.equals("argstr") || var.equals("retstr") ? var + "_arg" : var;
    }
}
