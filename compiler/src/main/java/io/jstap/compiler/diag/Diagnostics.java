package io.jstap.compiler.diag;

import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics through the passes; passes add and go on where they can. */
public final class Diagnostics {
    /** A flood of errors helps nobody; stop collecting after this many. */
    public static final int LIMIT = 50;

    private final List<Diagnostic> all = new ArrayList<>();
    private int errors;

    public void add(Diagnostic d) {
        if (d.isError()) {
            errors++;
        }
        if (all.size() < LIMIT) {
            all.add(d);
        }
    }

    public void addAll(Diagnostics other) {
        for (Diagnostic d : other.all) {
            add(d);
        }
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    public int errorCount() {
        return errors;
    }

    public List<Diagnostic> list() {
        return List.copyOf(all);
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : all) {
            sb.append(d.render());
        }
        if (errors > LIMIT) {
            sb.append("(").append(errors - LIMIT).append(" more errors not shown)\n");
        }
        return sb.toString();
    }
}
