package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.ProbePoint;
import io.jstap.compiler.tapset.TapsetLibrary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The probe point namespace of one elaboration: the built-in families and tapset aliases (one tree per tapset
 * library, built once and shared by every reload) overlaid with the script's own aliases, which replace
 * tapset aliases of the same name.
 */
final class ProbeNamespace {
    private static final Map<TapsetLibrary, Base> BASES = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The trees of one library, each built on first need: the built-in families alone; with the hand-written
     * aliases (parsing the files that declare them); with the synthesised syscall aliases as well. A probe
     * point is matched against the smallest tree that holds everything it could match, so most scripts parse
     * no alias file and synthesise no syscall alias.
     */
    private static final class Base {
        private final TapsetLibrary lib;
        private final Set<String> writtenRoots = new HashSet<>();
        private ProbePointTree families;
        private ProbePointTree written;
        private ProbePointTree full;

        Base(TapsetLibrary lib) {
            this.lib = lib;
            for (String name : lib.writtenAliasNames()) {
                int dot = name.indexOf('.');
                writtenRoots.add(dot < 0 ? name : name.substring(0, dot));
            }
        }

        synchronized ProbePointTree.Result match(ProbePoint point) {
            String root = point.components().get(0).name();
            ProbePointTree.Result r;
            if (matchesAny(root, TapsetLibrary.generatedRoots())) {
                return full().match(point);
            } else if (matchesAny(root, writtenRoots)) {
                r = written().match(point);
            } else {
                r = families().match(point);
            }
            // A point that matches nothing is explained against everything, so suggestions include syscalls.
            return r.matches().isEmpty() ? full().match(point) : r;
        }

        private ProbePointTree families() {
            if (families == null) {
                families = tree(List.of());
            }
            return families;
        }

        private ProbePointTree written() {
            if (written == null) {
                written = tree(lib.writtenAliases());
            }
            return written;
        }

        private ProbePointTree full() {
            if (full == null) {
                full = tree(lib.aliases());
            }
            return full;
        }

        private static ProbePointTree tree(List<Decl.ProbeAlias> aliases) {
            ProbePointTree t = new ProbePointTree();
            ProbeFamilies.register(t);
            for (Decl.ProbeAlias a : aliases) {
                t.addAlias(a);
            }
            return t;
        }

        private static boolean matchesAny(String pattern, Set<String> roots) {
            for (String r : roots) {
                if (Glob.matches(pattern, r)) {
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
