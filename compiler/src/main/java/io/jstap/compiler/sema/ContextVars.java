package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.probe.ProbeCatalog;
import io.jstap.compiler.probe.TracepointFormat;
import io.jstap.compiler.probe.TracepointFormat.Field;
import io.jstap.compiler.sema.ContextVar.Access;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves {@code $name} context variables against a probe target. Tracepoints offer their record fields
 * (strings for {@code char[]} and {@code __data_loc char[]}, longs otherwise, pointers included); return
 * probes offer {@code $return}. There is no DWARF or BTF reading, so function parameters of uprobes and
 * kprobes are reached through {@code int_arg(N)}/{@code pointer_arg(N)} instead.
 */
final class ContextVars {

    /** A resolution: {@code var} or an {@code error} message with optional notes. */
    record Lookup(ContextVar var, String error, List<String> notes) {
        static Lookup ok(ContextVar v) {
            return new Lookup(v, null, List.of());
        }

        static Lookup fail(String error, String... notes) {
            List<String> n = new ArrayList<>();
            for (String s : notes) {
                if (s != null) {
                    n.add(s);
                }
            }
            return new Lookup(null, error, n);
        }
    }

    private final ProbeCatalog catalog;

    ContextVars(ProbeCatalog catalog) {
        this.catalog = catalog;
    }

    /** The target whose context {@code @entry(...)} evaluates in, if {@code t} is a return probe. */
    Optional<ProbeTarget> entryTarget(ProbeTarget t) {
        if (t instanceof ProbeTarget.Tracepoint tp && tp.isReturn()) {
            String enter = "sys_enter_" + tp.event().substring("sys_exit_".length());
            return catalog.tracepoint(tp.category(), enter)
                    .map(f -> new ProbeTarget.Tracepoint(tp.category(), enter, f));
        }
        if (t instanceof ProbeTarget.Uprobe u && u.ret()) {
            return Optional.of(new ProbeTarget.Uprobe(u.path(), u.symbol(), false));
        }
        if (t instanceof ProbeTarget.Kprobe k && k.ret()) {
            return Optional.of(new ProbeTarget.Kprobe(k.module(), k.function(), k.address(), false));
        }
        return Optional.empty();
    }

    Lookup resolve(ProbeTarget target, Expr.TargetVar tv) {
        String name = tv.name();
        Lookup base = resolveName(target, name);
        if (base.var() == null) {
            return base;
        }
        return checkPath(base.var(), tv);
    }

    private Lookup resolveName(ProbeTarget target, String name) {
        boolean all = name.startsWith("$$");
        String bare = name.substring(all ? 2 : 1);
        if (target instanceof ProbeTarget.Tracepoint tp) {
            TracepointFormat f = tp.format();
            if (all) {
                if (bare.equals("vars") || bare.equals("parms")) {
                    return Lookup.ok(new ContextVar(name, Type.STRING, Access.ALL_FIELDS, f.eventFields()));
                }
                if (bare.equals("locals")) {
                    return Lookup.ok(new ContextVar(name, Type.STRING, Access.ALL_FIELDS, List.of()));
                }
                if (bare.equals("return") && tp.isReturn() && f.field("ret").isPresent()) {
                    return Lookup.ok(new ContextVar(name, Type.STRING, Access.ALL_FIELDS, List.of(f.field("ret").get())));
                }
                return Lookup.fail("unknown context variable '" + name + "'", "available: $$vars $$parms");
            }
            String fieldName = bare.equals("return") && tp.isReturn() ? "ret" : bare;
            Optional<Field> field = f.eventFields().stream().filter(x -> x.name().equals(fieldName)).findFirst();
            if (field.isPresent()) {
                return Lookup.ok(fieldVar(name, field.get()));
            }
            List<String> names = new ArrayList<>();
            for (Field x : f.eventFields()) {
                names.add("$" + x.name());
            }
            if (tp.isReturn()) {
                names.add("$return");
            }
            String dym = DidYouMean.note(name, names);
            return Lookup.fail("unable to find context variable '" + name + "' in " + tp.pp(),
                    dym, "available: " + (names.isEmpty() ? "(none)" : String.join(" ", names)));
        }
        if (target instanceof ProbeTarget.Usdt mark) {
            return MarkVars.resolve(mark, name);
        }
        if (target.isReturn() && (target instanceof ProbeTarget.Uprobe || target instanceof ProbeTarget.Kprobe)) {
            if (bare.equals("return")) {
                return Lookup.ok(new ContextVar(name, all ? Type.STRING : Type.LONG, Access.RETURN_VALUE, List.of()));
            }
        }
        if (target instanceof ProbeTarget.Uprobe || target instanceof ProbeTarget.Kprobe) {
            return Lookup.fail("unable to find context variable '" + name + "' in " + target.pp()
                            + ": there is no debug information to find parameters by name",
                    "use int_arg(N), pointer_arg(N), user_string(pointer_arg(N)) or returnval() instead");
        }
        return Lookup.fail("probe point " + target.pp() + " has no context variables (found '" + name + "')");
    }

    private static ContextVar fieldVar(String name, Field f) {
        String t = f.cType().replace("const ", "").replace("volatile ", "").trim();
        boolean charBase = t.startsWith("char") || t.startsWith("unsigned char") || t.startsWith("signed char");
        boolean array = t.contains("[");
        if (f.dataLoc()) {
            return t.contains("char") ? new ContextVar(name, Type.STRING, Access.DATA_LOC_STRING, List.of(f))
                    : new ContextVar(name, Type.LONG, Access.ARRAY, List.of(f));
        }
        if (charBase && !t.contains("*") && (array || f.size() > 1)) {
            return new ContextVar(name, Type.STRING, Access.CHAR_ARRAY, List.of(f));
        }
        if (array) {
            return new ContextVar(name, Type.LONG, Access.ARRAY, List.of(f));
        }
        return new ContextVar(name, Type.LONG, Access.FIELD, List.of(f));
    }

    /** Member paths need type information jstap does not have; only indexing of array fields is allowed. */
    private static Lookup checkPath(ContextVar v, Expr.TargetVar tv) {
        boolean arrayLike = v.access() == Access.ARRAY || v.access() == Access.CHAR_ARRAY;
        if (tv.pretty() > 0) {
            if (!tv.path().isEmpty()) {
                return Lookup.fail("cannot combine a member path with pretty printing of '" + tv.name() + "'");
            }
            return Lookup.ok(new ContextVar(v.name(), Type.STRING, v.access(), v.fields(), v.usdtArgs()));
        }
        if (tv.path().isEmpty()) {
            if (v.access() == Access.ARRAY) {
                return Lookup.fail("'" + tv.name() + "' is an array field (" + v.fields().get(0).cType()
                        + "); read one element with " + tv.name() + "[i]");
            }
            return Lookup.ok(v);
        }
        if (arrayLike && tv.path().size() == 1 && tv.path().get(0).isIndex()) {
            return Lookup.ok(new ContextVar(v.name(), Type.LONG, v.access(), v.fields(), v.usdtArgs()));
        }
        String type = v.fields().isEmpty() ? "long" : v.fields().get(0).cType();
        return Lookup.fail("cannot dereference '" + tv.name() + "' (" + type
                        + "): jstap reads no kernel or program type information",
                "read memory explicitly with kernel_long(), user_long(), user_string() and friends");
    }

    /** The context variables a target offers, as {@code $name:type}, for listings and suggestions. */
    List<String> describe(ProbeTarget target) {
        List<String> out = new ArrayList<>();
        if (target instanceof ProbeTarget.Tracepoint tp) {
            for (Field f : tp.format().eventFields()) {
                if (!f.name().equals("__syscall_nr")) {
                    out.add("$" + f.name() + ":" + cType(f));
                }
            }
            if (tp.isReturn()) {
                out.add("$return:long");
            }
        } else if (target.isReturn() && (target instanceof ProbeTarget.Uprobe || target instanceof ProbeTarget.Kprobe)) {
            out.add("$return:long");
        } else if (target instanceof ProbeTarget.Usdt mark) {
            out.addAll(MarkVars.describe(mark));
        }
        return out;
    }

    /** The field's C type as stap -L prints it: {@code unsigned int}, {@code char*}, {@code char[16]}. */
    private static String cType(Field f) {
        String t = f.cType().replace("__data_loc ", "").replace("const ", "").strip();
        return t.replaceAll("\\s+\\*", "*");
    }
}
