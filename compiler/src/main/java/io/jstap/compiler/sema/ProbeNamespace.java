package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.ProbePoint;
import io.jstap.compiler.tapset.TapsetLibrary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The probe point namespace of one elaboration: the built-in families and tapset aliases (one tree per tapset
 * library, built once and shared by every reload) overlaid with the script's own aliases, which replace
 * tapset aliases of the same name.
 */
final class ProbeNamespace {
    private static final Map<TapsetLibrary, Base> BASES = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The trees of one library: families and hand-written aliases, and that plus the synthesised aliases, built
     * only when a probe point could match one of them (most scripts probe no syscall and never pay for it).
     */
    private static final class Base {
        private final TapsetLibrary lib;
        private final ProbePointTree written = new ProbePointTree();
        private ProbePointTree full;

        Base(TapsetLibrary lib) {
            this.lib = lib;
            ProbeFamilies.register(written);
            for (Decl.ProbeAlias a : lib.writtenAliases()) {
                written.addAlias(a);
            }
        }

        synchronized ProbePointTree full() {
            if (full == null) {
                ProbePointTree t = new ProbePointTree();
                ProbeFamilies.register(t);
                for (Decl.ProbeAlias a : lib.aliases()) {
                    t.addAlias(a);
                }
                full = t;
            }
            return full;
        }

        ProbePointTree.Result match(ProbePoint point) {
            if (mayBeGenerated(point)) {
                return full().match(point);
            }
            ProbePointTree.Result r = written.match(point);
            // A point that matches nothing is explained against everything, so suggestions include syscalls.
            return r.matches().isEmpty() ? full().match(point) : r;
        }

        private static boolean mayBeGenerated(ProbePoint point) {
            String root = point.components().get(0).name();
            for (String r : TapsetLibrary.generatedRoots()) {
                if (Glob.matches(root, r)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Base base;
    private final ProbePointTree user;

    private ProbeNamespace(Base base, ProbePointTree user) {
        this.base = base;
        this.user = user;
    }

    static ProbeNamespace of(TapsetLibrary lib, List<Decl.ProbeAlias> userAliases) {
        Base base;
        synchronized (BASES) {
            base = BASES.computeIfAbsent(lib, Base::new);
        }
        ProbePointTree user = null;
        if (!userAliases.isEmpty()) {
            user = new ProbePointTree();
            for (Decl.ProbeAlias a : userAliases) {
                user.addAlias(a);
            }
        }
        return new ProbeNamespace(base, user);
    }

    ProbePointTree.Result match(ProbePoint point) {
        ProbePointTree.Result b = base.match(point);
        if (user == null) {
            return b;
        }
        ProbePointTree.Result u = user.match(point);
        List<ProbePointTree.Match> all = new ArrayList<>(u.matches());
        for (ProbePointTree.Match m : b.matches()) {
            if (!m.aliases().isEmpty() && user.hasAlias(m.names())) {
                m = m.withoutAliases();
                if (m.node().family == null) {
                    continue;
                }
            }
            all.add(m);
        }
        if (!all.isEmpty()) {
            return new ProbePointTree.Result(all, null, List.of(), point.components().size());
        }
        // Neither matched: explain with the namespace that got further.
        return u.depth() > b.depth() ? u : b;
    }
}
