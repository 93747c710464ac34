package io.jstap.compiler.complete;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tapset alias names ({@code syscall.read.return}) as a tree of components, so that the names after a
 * prefix are found without scanning every alias on each key press.
 */
final class AliasTree {

    /** One component: whether an alias ends here, and the components that follow it. */
    static final class Node {
        boolean ends;
        final Map<String, Node> children = new HashMap<>();
    }

    private final Node root = new Node();

    AliasTree(Collection<String> aliases) {
        for (String alias : aliases) {
            Node n = root;
            for (String part : alias.split("\\.")) {
                if (part.isEmpty()) {
                    break;
                }
                n = n.children.computeIfAbsent(part, k -> new Node());
            }
            n.ends = n != root;
        }
    }

    /** The node reached by following {@code names}, or null. */
    Node find(List<String> names) {
        Node n = root;
        for (String name : names) {
            n = n.children.get(name);
            if (n == null) {
                return null;
            }
        }
        return n;
    }
}
