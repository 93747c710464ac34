package io.jstap.compiler.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * stap's MAXNESTING default, computed as its translator does: walk every function body
 * following calls without re-entering a function already on the path; the deepest chain of
 * calls found, plus one for the probe's own call, plus ten when any recursion was seen.
 */
public final class NestingAnalysis {

    /** Bonus frames stap grants recursive scripts. */
    public static final int RECURSION_BONUS = 10;

    private final Map<String, FunctionDecl> functions = new HashMap<>();
    private int deepest;
    private boolean recursive;

    private NestingAnalysis(IrProgram program) {
        for (FunctionDecl f : program.functions()) {
            functions.put(f.name(), f);
        }
    }

    /** Deepest chain of calls between functions, and whether any recursion was seen. */
    public record Result(int deepestChain, boolean recursive) {
        /** The number of function frames a probe may have active at once (stap's MAXNESTING). */
        public int maxNesting() {
            int nesting = deepestChain + 1;
            return recursive ? nesting + RECURSION_BONUS : nesting;
        }
    }

    public static Result analyse(IrProgram program) {
        NestingAnalysis a = new NestingAnalysis(program);
        for (FunctionDecl f : program.functions()) {
            a.walkBody(f.body(), new ArrayList<>());
        }
        return new Result(a.deepest, a.recursive);
    }

    public static int maxNesting(IrProgram program) {
        return analyse(program).maxNesting();
    }

    private void walkBody(Stmt body, List<String> path) {
        new IrWalker() {
            @Override
            protected boolean enter(Expr e) {
                if (e instanceof Expr.Call c) {
                    for (Expr arg : c.args()) {
                        walk(arg);
                    }
                    for (String target : c.targets()) {
                        visitCall(target, path);
                    }
                    return false;
                }
                return true;
            }
        }.walk(body);
    }

    private void visitCall(String target, List<String> path) {
        deepest = Math.max(deepest, path.size() + 1);
        if (path.contains(target)) {
            recursive = true;
            return;
        }
        FunctionDecl f = functions.get(target);
        if (f == null) {
            return;
        }
        path.add(target);
        walkBody(f.body(), path);
        path.remove(path.size() - 1);
    }
}
