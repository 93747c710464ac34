package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.probe.KernelFeature;
import io.jstap.compiler.probe.UsdtProbe;
import io.jstap.compiler.sema.ProbePointTree.FamilyContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code process("PATH").function("SYM")}, {@code .return} and {@code .mark("NAME")}: uprobes and USDT. */
final class UserProbes {
    private UserProbes() {
    }

    /** The resolved path of a {@code process("...")} argument, or null after reporting why not. */
    static String binary(String path, FamilyContext c) {
        var resolved = c.catalog().resolveBinary(path);
        if (resolved.isEmpty()) {
            c.error("cannot find executable '" + path + "' for process(\"" + path + "\")", path.contains("/")
                    ? "no such file" : "looked in $PATH, the library directories and the ldconfig cache");
            return null;
        }
        return resolved.get();
    }

    static List<ProbeTarget> functions(List<String> names, List<Expr> args, FamilyContext c) {
        String path = ProbeFamilies.str(args.get(0));
        if (path == null) {
            c.error("process.function needs the program: process(\"PATH\").function(\"NAME\")");
            return List.of();
        }
        if (!c.catalog().features().contains(KernelFeature.UPROBE)) {
            c.error("process(...).function probes need " + KernelFeature.UPROBE.description()
                    + ", which this kernel does not offer");
            return List.of();
        }
        String bin = binary(path, c);
        if (bin == null) {
            return List.of();
        }
        boolean ret = names.get(names.size() - 1).equals("return");
        String pattern = ProbeFamilies.str(args.get(1));
        if (pattern.indexOf('@') >= 0) {
            pattern = pattern.substring(0, pattern.indexOf('@'));
        }
        List<String> symbols = c.catalog().functionSymbols(bin);
        if (symbols.isEmpty()) {
            c.error("no function symbols in '" + bin + "' (not an ELF file, or stripped)");
            return List.of();
        }
        Set<String> matched = new LinkedHashSet<>();
        for (String s : symbols) {
            if (Glob.matches(pattern, s)) {
                matched.add(s);
            }
        }
        if (matched.isEmpty()) {
            c.error("probe point mismatch: no function '" + pattern + "' in " + bin, DidYouMean.note(pattern, symbols));
            return List.of();
        }
        List<ProbeTarget> out = new ArrayList<>();
        for (String s : matched) {
            out.add(new ProbeTarget.Uprobe(bin, s, ret));
        }
        return out;
    }

    static List<ProbeTarget> marks(List<String> names, List<Expr> args, FamilyContext c) {
        String path = ProbeFamilies.str(args.get(0));
        if (path == null) {
            c.error("process.mark needs the program: process(\"PATH\").mark(\"NAME\")");
            return List.of();
        }
        if (!c.catalog().features().contains(KernelFeature.UPROBE)) {
            c.error("process(...).mark probes need " + KernelFeature.UPROBE.description()
                    + ", which this kernel does not offer");
            return List.of();
        }
        String bin = binary(path, c);
        if (bin == null) {
            return List.of();
        }
        String provider = ProbeFamilies.str(ProbeFamilies.arg(names, args, "provider"));
        String pattern = ProbeFamilies.str(ProbeFamilies.arg(names, args, "mark"));
        List<ProbeTarget> out = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (UsdtProbe site : c.catalog().usdt(bin)) {
            String prov = site.provider();
            String name = site.name();
            all.add(name);
            // a probe used at several places (inlined, or written twice) has a site each: stap probes them all
            if (Glob.matches(pattern, name) && (provider == null || Glob.matches(provider, prov))) {
                ProbeTarget.Usdt t = new ProbeTarget.Usdt(bin, prov, name, site);
                if (!out.contains(t)) {
                    out.add(t);
                }
            }
        }
        if (all.isEmpty()) {
            c.error("probe point mismatch: " + bin + " has no USDT probes (no .note.stapsdt section)");
        } else if (out.isEmpty()) {
            c.error("probe point mismatch: no USDT probe '" + pattern + "' in " + bin, DidYouMean.note(pattern, all));
        }
        return out;
    }
}
