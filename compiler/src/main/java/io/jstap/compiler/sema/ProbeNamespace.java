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
    private static final Map<TapsetLibrary, ProbePointTree> BASES = Collections.synchronizedMap(new WeakHashMap<>());

    private final ProbePointTree base;
    private final ProbePointTree user;

    private ProbeNamespace(ProbePointTree base, ProbePointTree user) {
        this.base = base;
        this.user = user;
    }

    static ProbeNamespace of(TapsetLibrary lib, List<Decl.ProbeAlias> userAliases) {
        ProbePointTree base;
        synchronized (BASES) {
            base = BASES.computeIfAbsent(lib, l -> {
                ProbePointTree t = new ProbePointTree();
                ProbeFamilies.register(t);
                for (Decl.ProbeAlias a : l.aliases()) {
                    t.addAlias(a);
                }
                return t;
            });
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
