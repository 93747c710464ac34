package io.jstap.compiler.sema;

import io.jstap.compiler.ast.AstPrinter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints an elaborated program the way {@code stap -p2} does: the globals with their inferred types, the
 * functions in use with their signatures and locals, then every resolved probe with its concrete points,
 * the way it was expanded, its locals and its merged body.
 */
public final class ElabPrinter {
    private ElabPrinter() {
    }

    public static String print(Program program) {
        StringBuilder sb = new StringBuilder();
        if (!program.globals().isEmpty()) {
            sb.append("# global\n");
            for (GlobalSymbol g : program.globals().values()) {
                sb.append(g.signature());
                if (g.init() != null) {
                    sb.append(" = ").append(AstPrinter.expr(g.init()));
                }
                sb.append('\n');
            }
        }
        if (!program.functions().isEmpty()) {
            sb.append("# functions\n");
            for (FunctionSymbol f : program.functions().values()) {
                sb.append(f.signature()).append('\n');
                locals(sb, f.locals());
                sb.append(AstPrinter.stmt(f.body())).append('\n');
            }
        }
        if (!program.probes().isEmpty()) {
            sb.append("# probes\n");
            for (ResolvedProbe p : program.probes()) {
                sb.append(p.targets().stream().map(ProbeTarget::pp).collect(Collectors.joining(",\n")));
                List<String> chain = p.expansion();
                if (!chain.isEmpty() && chain.get(0).equals(p.targets().get(0).pp())) {
                    chain = chain.subList(1, chain.size());
                }
                if (!chain.isEmpty()) {
                    sb.append(" /* <- ").append(String.join(" <- ", chain)).append(" */");
                }
                if (p.condition() != null) {
                    sb.append(" if (").append(AstPrinter.expr(p.condition())).append(')');
                }
                sb.append('\n');
                locals(sb, p.locals());
                sb.append(AstPrinter.stmt(p.body())).append('\n');
            }
        }
        return sb.toString();
    }

    private static void locals(StringBuilder sb, List<LocalSymbol> locals) {
        if (locals.isEmpty()) {
            return;
        }
        sb.append("  # locals\n");
        for (LocalSymbol l : locals) {
            sb.append("  ").append(l.name()).append(':').append(l.type()).append('\n');
        }
    }
}
