package io.jstap.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.ast.AstScanner;
import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AliasExpansionTest {

    /** The string literals printed by a body, in statement order: the execution order of the layers. */
    private static List<String> order(ResolvedProbe p) {
        List<String> out = new ArrayList<>();
        new AstScanner() {
            @Override
            public Void visitCall(Expr.Call c) {
                if (c.name().equals("print") && c.args().get(0) instanceof Expr.StringLit s) {
                    out.add(s.value());
                }
                return super.visitCall(c);
            }
        }.scan(p.body());
        return out;
    }

    @Test
    void prologueRunsBeforeAndEpilogueAfterTheUsersBody() {
        Program p = Elab.ok("probe pro = begin { print(\"pro\") }\n"
                + "probe epi += begin { print(\"epi\") }\n"
                + "probe pro { print(\"user1\") }\n"
                + "probe epi { print(\"user2\") }\n");
        assertEquals(List.of("pro", "user1"), order(p.probes().get(0)));
        assertEquals(List.of("user2", "epi"), order(p.probes().get(1)));
    }

    @Test
    void aliasesOfAliasesNestInnermostFirst() {
        Program p = Elab.ok("probe inner = begin { print(\"inner\") }\n"
                + "probe outer = inner { print(\"outer\") }\n"
                + "probe tail += outer { print(\"tail\") }\n"
                + "probe tail { print(\"user\") }\n");
        assertEquals(List.of("inner", "outer", "user", "tail"), order(p.probes().get(0)));
        assertEquals(List.of("begin", "inner", "outer", "tail"), p.probes().get(0).expansion());
    }

    @Test
    void mixedPrologueAndEpilogueChains() {
        Program p = Elab.ok("probe b += begin { print(\"B\") }\n"
                + "probe a = b { print(\"A\") }\n"
                + "probe a { print(\"U\") }\n");
        assertEquals(List.of("A", "U", "B"), order(p.probes().get(0)));
    }

    @Test
    void aliasLocalsAreVisibleToTheUsersBodyAndTyped() {
        Program p = Elab.ok("probe syscall.read { printf(\"%s %d %d %s\\n\", name, fd, count, argstr) }");
        ResolvedProbe r = p.probes().get(0);
        assertEquals(List.of("name:string", "fd:long", "buf_uaddr:long", "count:long", "argstr:string"),
                r.aliasLocals().stream().map(l -> l.name() + ":" + l.type()).collect(Collectors.toList()));
        assertEquals(r.aliasLocals(), r.locals());
    }

    @Test
    void aliasBodiesAreCopiesMarkedAsExpandedAtTheReference() {
        Program p = Elab.ok("probe syscall.close, syscall.close { print(fd) }");
        Stmt.Block a = p.probes().get(0).body();
        Stmt.Block b = p.probes().get(1).body();
        assertNotSame(a.stmts().get(0), b.stmts().get(0));
        assertEquals(a, b);
        Stmt first = ((Stmt.Block) a.stmts().get(0)).stmts().get(0);
        assertTrue(first.span().source().name().endsWith("syscall.close.stp"), first.span().location());
        assertEquals("test.stp", first.span().expandedFrom().source().name());
        assertEquals(7, first.span().expandedFrom().col());
        assertNull(((Stmt.Block) a.stmts().get(1)).span().expandedFrom());
    }

    @Test
    void everyNodeHasItsOwnTypeEntry() {
        Program p = Elab.ok("global n probe syscall.read, syscall.write { n += count }");
        Expr.Assign a0 = firstAssign(p.probes().get(0));
        Expr.Assign a1 = firstAssign(p.probes().get(1));
        assertNotSame(a0, a1);
        assertSame(Type.LONG, p.typeOf(a0.value()));
        assertSame(Type.LONG, p.typeOf(a1.value()));
        assertTrue(p.symbolOf((Expr.Ident) a0.target()) instanceof GlobalSymbol);
    }

    private static Expr.Assign firstAssign(ResolvedProbe r) {
        List<Expr.Assign> out = new ArrayList<>();
        Stmt.Block user = (Stmt.Block) r.body().stmts().get(1);
        new AstScanner() {
            @Override
            public Void visitAssign(Expr.Assign e) {
                out.add(e);
                return null;
            }
        }.scan(user);
        return out.get(0);
    }

    @Test
    void aliasAssignmentsNobodyReadsAreDropped() {
        ResolvedProbe r = Elab.ok("probe syscall.openat { print(dfd_str) }").probes().get(0);
        assertEquals("{\n  dfd = __int32($dfd);\n  dfd_str = _dfd_str(dfd);\n}",
                io.jstap.compiler.ast.AstPrinter.stmt(r.body().stmts().get(0)));
        // Globals and side effects stay.
        ResolvedProbe g = Elab.ok("global g probe a = begin { g = 1; x = 2; y = sprintf(\"%d\", 3); printf(\"hi\") }"
                + " probe a { print(g) }").probes().get(0);
        assertEquals("{\n  g = 1;\n  printf(\"hi\");\n}", io.jstap.compiler.ast.AstPrinter.stmt(g.body().stmts().get(0)));
        ElabResult unopt = Elab.run("probe syscall.openat { print(dfd_str) }", Elab.CATALOG,
                ElabOptions.defaults().withUnoptimized(true));
        assertEquals(7, ((Stmt.Block) unopt.program().probes().get(0).body().stmts().get(0)).stmts().size());
    }

    @Test
    void expansionsWithEqualBodiesShareOneProbe() {
        Program all = Elab.ok("global n probe syscall.* { n++ }");
        assertEquals(1, all.probes().size());
        assertEquals(11, all.probes().get(0).targets().size());
        assertEquals(List.of("syscall.*"), all.probes().get(0).expansion());
        assertNull(all.probes().get(0).alias());
        Program named = Elab.ok("global n probe syscall.* { n[name]++ }");
        assertEquals(11, named.probes().size());
        assertEquals("syscall.openat", named.probes().get(0).alias());
        Program vfs = Elab.ok("global n probe vfs.read { n++ }");
        assertEquals(1, vfs.probes().size());
        assertEquals(2, vfs.probes().get(0).targets().size());
        ElabResult unopt = Elab.run("global n probe syscall.* { n++ }", Elab.CATALOG,
                ElabOptions.defaults().withUnoptimized(true));
        assertEquals(11, unopt.program().probes().size());
    }

    @Test
    void userAliasesReplaceTapsetAliasesOfTheSameName() {
        Program p = Elab.ok("probe syscall.read = begin { mine = 1 } probe syscall.read { print(mine) }");
        assertEquals(1, p.probes().size());
        assertEquals(new ProbeTarget.Begin(0), p.probes().get(0).targets().get(0));
    }

    @Test
    void handWrittenTapsetAliasesReplaceSynthesisedOnes() {
        Program p = Elab.ok("probe syscall.openat { printf(\"%s %s\\n\", dfd_str, filename) }");
        assertEquals(1, p.probes().size());
        assertTrue(p.probes().get(0).aliasLocals().stream().anyMatch(l -> l.name().equals("dfd_str")));
        // The synonym keeps the synthesised body where no hand-written one names it.
        Program read = Elab.ok("probe nd_syscall.read { print(argstr) }");
        assertEquals(1, read.probes().size());
    }
}
