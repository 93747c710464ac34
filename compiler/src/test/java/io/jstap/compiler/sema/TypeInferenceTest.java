package io.jstap.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TypeInferenceTest {

    private static List<String> signatures(Program p) {
        return p.functions().values().stream().map(FunctionSymbol::signature).collect(Collectors.toList());
    }

    @Test
    void typesFlowThroughFunctionsBothWays() {
        Program p = Elab.ok("function join(a, b) { return a . b }\n"
                + "function wrap(x) { return join(x, \"]\") }\n"
                + "function same(v) { return v }\n"
                + "function count(s) { return strlen(s) }\n"
                + "probe begin { s = wrap(\"[\"); n = count(s); k = same(n) + 1; printf(\"%s %d\\n\", s, k) }\n");
        assertEquals(List.of("join:string (a:string, b:string)", "wrap:string (x:string)", "same:long (v:long)",
                "count:long (s:string)"), signatures(p));
    }

    @Test
    void aFunctionsTypeCanComeFromItsCallers() {
        Program p = Elab.ok("function pass(v) { return v }\n"
                + "probe begin { printf(\"%s\\n\", pass(pass(q))) q = \"x\" }\n");
        assertEquals(List.of("pass:string (v:string)"), signatures(p));
    }

    @Test
    void functionsWithoutValuesReturnVoidAndUnusedOnesAreLeftOut() {
        Program p = Elab.ok("function hello() { print(\"hello\") }\n"
                + "function unused(x) { return x + 1 }\n"
                + "probe begin { hello() }\n");
        assertEquals(List.of("hello:void ()"), signatures(p));
    }

    @Test
    void declaredTypesAreRespected() {
        Program p = Elab.ok("function f:string(n:long) { return sprint(n) } probe begin { println(f(3)) }");
        assertEquals(List.of("f:string (n:long)"), signatures(p));
    }

    @Test
    void arrayKeyAndValueTypesAreInferredAcrossProbes() {
        Program p = Elab.ok("global a, s, counts[100], total\n"
                + "probe begin { a[\"x\", 1] = \"v\" }\n"
                + "probe syscall.read { s[execname()] <<< count; counts[pid()]++; total += count }\n"
                + "probe end { foreach ([k, n] in a) printf(\"%s %d %s\\n\", k, n, a[k, n])\n"
                + "  foreach (e in s-) printf(\"%s %d\\n\", e, @count(s[e])) }\n");
        assertEquals(List.of("a:string [string, long]", "s:stats [string]", "counts:long [long]", "total:long"),
                p.globals().values().stream().map(GlobalSymbol::signature).collect(Collectors.toList()));
        assertEquals(100L, p.globals().get("counts").size());
        assertTrue(p.globals().get("s").isStats());
    }

    @Test
    void foreachAndCatchVariablesAreBound() {
        Program p = Elab.ok("global a, k\n"
                + "probe begin { a[\"x\", 1] = 2; foreach (v = [k, n] in a) printf(\"%s %d %d\\n\", k, n, v)\n"
                + "  try { error(\"e\") } catch (m) { println(m) } }\n");
        io.jstap.compiler.ast.Stmt.Block user = p.probes().get(0).body();
        var foreach = (io.jstap.compiler.ast.Stmt.Foreach) user.stmts().get(1);
        var tr = (io.jstap.compiler.ast.Stmt.Try) user.stmts().get(2);
        assertEquals(List.of("k:string:global", "n:long:local"), p.foreachKeys(foreach).stream()
                .map(s -> s.name() + ":" + s.type() + ":" + (s instanceof GlobalSymbol ? "global" : "local"))
                .collect(Collectors.toList()));
        assertEquals("v:long", p.foreachValue(foreach).name() + ":" + p.foreachValue(foreach).type());
        assertEquals("m:string", p.catchVar(tr).name() + ":" + p.catchVar(tr).type());
    }

    @Test
    void tapsetFunctionsAndGlobalsArePulledInTransitively() {
        Program p = Elab.ok("probe begin { println(thread_indent(1), ctime(0)) }");
        assertEquals(List.of("thread_indent", "ctime", "__indent", "gettimeofday_us"),
                List.copyOf(p.functions().keySet()));
        assertEquals(List.of("__indent_depth", "__indent_start"), List.copyOf(p.globals().keySet()));
        assertTrue(p.globals().get("__indent_depth").fromTapset());
        assertEquals("__indent_depth:long [long]", p.globals().get("__indent_depth").signature());
    }

    @Test
    void globalsKnowWhetherTheyAreReadOrOnlyWritten() {
        Program p = Elab.ok("global counted, shown, stats\n"
                + "probe syscall.read { counted[execname()]++; shown += 1; stats <<< count }\n"
                + "probe end { println(shown) }\n");
        assertEquals(List.of("counted:false:true", "shown:true:true", "stats:false:true"),
                p.globals().values().stream().map(g -> g.name() + ":" + g.read() + ":" + g.written())
                        .collect(Collectors.toList()));
    }

    @Test
    void globalInitialisersGiveTypes() {
        Program p = Elab.ok("global cap = 10, label = \"x\", neg = -5\n"
                + "probe begin { printf(\"%d %s %d\\n\", cap, label, neg) }\n");
        assertEquals(List.of("cap:long", "label:string", "neg:long"),
                p.globals().values().stream().map(GlobalSymbol::signature).collect(Collectors.toList()));
        assertEquals(-5L, ((io.jstap.compiler.ast.Expr.LongLit) p.globals().get("neg").init()).value());
    }

    @Test
    void printfTypesItsArguments() {
        Program p = Elab.ok("probe begin { printf(\"%s %d %*d %-5.3s %%\\n\", a, b, 3, c, d) a = \"\" b = 1 c = 2 d = \"\" }");
        assertEquals(List.of("a:string", "b:long", "c:long", "d:string"), p.probes().get(0).locals().stream()
                .map(l -> l.name() + ":" + l.type()).collect(Collectors.toList()));
    }

    @Test
    void severalErrorsAreReportedInOneRun() {
        ElabResult r = Elab.run("probe begin { x = 1; x = \"s\"; nosuch(); y = z }");
        assertEquals(List.of("type mismatch (long vs. string)", "unresolved function call 'nosuch'",
                "unresolved type for identifier 'y'", "unresolved type for identifier 'z'"), Elab.errors(r));
    }

    @Test
    void mismatchNotesSayWhereTheTypeCameFrom() {
        ElabResult r = Elab.run("global g\nprobe begin { g = 1 }\nprobe end { g = \"s\" }\n");
        assertEquals(1, r.diagnostics().errorCount());
        assertEquals(List.of("global 'g' was inferred as long at test.stp:2:15"),
                r.diagnostics().list().get(0).notes());
        assertEquals(3, r.diagnostics().list().get(0).span().line());
    }

    @Test
    void statisticsAreOnlyReadThroughExtractors() {
        Program p = Elab.ok("global s probe begin { s <<< 1; println(@count(s) + @sum(s) + @avg(s)); print(@hist_log(s)) }");
        assertTrue(p.globals().get("s").isStats());
        assertFalse(Elab.run("global s probe begin { s <<< 1; x = s + 1 }").ok());
    }

    @Test
    void scriptArgumentsBecomeLiterals() {
        ElabResult r = Elab.run("probe begin { printf(\"%d %s %d\\n\", $1, @2, $#) }", Elab.CATALOG,
                ElabOptions.defaults().withScriptArgs(List.of("0x10", "two")));
        assertEquals("", r.diagnostics().render());
    }
}
