package io.jstap.runtime.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import sun.misc.Signal;

/**
 * Closes every open {@link KernelResources} when the JVM exits: a shutdown hook covers normal exit,
 * System.exit, and SIGINT/SIGTERM under the JVM's default handlers; {@link #handleSignals()} installs
 * handlers that close first and then exit with 128+signal, for callers that replace those defaults.
 * The kernel frees what a killed process held anyway; this makes the release prompt and ordered.
 */
public final class Cleanup {

    private static final Set<KernelResources> OPEN = new LinkedHashSet<>();
    private static boolean hookInstalled;

    private Cleanup() {
    }

    static synchronized void register(KernelResources r) {
        if (!hookInstalled) {
            hookInstalled = true;
            Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::closeAll, "kernel-cleanup"));
        }
        OPEN.add(r);
    }

    static synchronized void unregister(KernelResources r) {
        OPEN.remove(r);
    }

    /** Scopes still open. */
    public static synchronized int openScopes() {
        return OPEN.size();
    }

    /** Closes every open scope, newest first. */
    public static void closeAll() {
        List<KernelResources> all;
        synchronized (Cleanup.class) {
            all = new ArrayList<>(OPEN);
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            try {
                all.get(i).close();
            } catch (RuntimeException e) {
                // keep closing the others; the kernel frees the rest at exit
            }
        }
    }

    /** SIGINT and SIGTERM close every scope, then exit with status 128 + signal number. */
    public static void handleSignals() {
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), sig -> {
                closeAll();
                System.exit(128 + sig.getNumber());
            });
        }
    }
}
