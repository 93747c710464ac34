package io.jstap.compiler.parse;

import static io.jstap.compiler.parse.Ast.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Ops.BinOp;
import io.jstap.compiler.ast.Stmt;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.diag.Span;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code %( %?} conditionals and {@code @define} macros. */
class PreprocessorTest {
    private static final PreprocessorContext UBUNTU = new PreprocessorContext("5.15.0-91-generic", "x86_64", "bpf",
            "5.0", Set.of("CONFIG_HZ=250", "CONFIG_BPF", "CONFIG_MODULES=m"), List.of("3", "sshd"));

    private static ParseResult parse(String text, PreprocessorContext ctx) {
        return Parser.parse(new Source("pp.stp", text), ctx);
    }

    /** The names of the globals that survive preprocessing, errors asserted away. */
    private static String globals(String text, PreprocessorContext ctx) {
        ParseResult r = parse(text, ctx);
        assertEquals("", r.diagnostics().render());
        return r.script().decls().stream().map(d -> ((Decl.Global) d).vars().get(0).name())
                .collect(Collectors.joining(" "));
    }

    private static String pick(String condition) {
        return globals("%( " + condition + " %? global yes %: global no %)", UBUNTU);
    }

    @Test
    void kernelVersionsCompareLikeStrverscmpAndMatchWildcards() {
        assertEquals("yes", pick("kernel_v >= \"5.4\""));
        assertEquals("yes", pick("kernel_v < \"5.15.1\""));
        assertEquals("no", pick("kernel_v > \"5.15\" && kernel_v < \"5.15.0\""));
        assertEquals("yes", pick("kernel_v == \"5.15.0\""));
        assertEquals("no", pick("kernel_vr == \"5.15.0\""));
        assertEquals("yes", pick("kernel_vr == \"5.15.0-*-generic\""));
        assertEquals("yes", pick("kernel_vr != \"4.*\""));
        assertEquals("yes", pick("kernel_v >= \"2.6.32\""));
    }

    @Test
    void archRuntimeVersionAndPrivilege() {
        assertEquals("yes", pick("arch == \"x86_64\""));
        assertEquals("yes", pick("arch == \"x86*\""));
        assertEquals("yes", pick("arch != \"aarch64\""));
        assertEquals("yes", pick("runtime == \"bpf\""));
        assertEquals("no", pick("runtime == \"kernel\""));
        assertEquals("yes", pick("systemtap_v >= \"4.0\""));
        assertEquals("no", pick("systemtap_v < \"2.0\""));
        assertEquals("yes", pick("systemtap_privilege == \"stapdev\""));
        assertEquals("yes", pick("guru_mode == 0"));
    }

    @Test
    void kernelConfiguration() {
        assertEquals("yes", pick("CONFIG_HZ == 250"));
        assertEquals("yes", pick("CONFIG_HZ > 100 && CONFIG_HZ <= 1000"));
        assertEquals("yes", pick("CONFIG_BPF == \"y\""));
        assertEquals("yes", pick("CONFIG_MODULES == \"m\""));
        assertEquals("yes", pick("CONFIG_MODULES == \"[ym]\""));
        assertEquals("no", pick("CONFIG_NOT_THERE == \"y\""));
        assertEquals("yes", pick("CONFIG_NOT_THERE == \"\""));
        assertEquals("yes", pick("CONFIG_HZ != CONFIG_BPF"));
    }

    @Test
    void andBindsTighterThanOr() {
        assertEquals("yes", pick("1 == 2 && 1 == 1 || 2 == 2"));
        assertEquals("yes", pick("1 == 1 || 1 == 2 && 1 == 2"));
        assertEquals("no", pick("1 == 2 || 1 == 1 && 1 == 2"));
        assertEquals("yes", pick("\"abc\" < \"abd\""));
    }

    @Test
    void scriptArgumentsInConditions() {
        assertEquals("yes", pick("$# == 2"));
        assertEquals("yes", pick("@# == \"2\""));
        assertEquals("yes", pick("$1 > 2"));
        assertEquals("yes", pick("@2 == \"sshd\""));
        assertEquals("yes", pick("defined(@2)"));
        assertEquals("no", pick("defined($3)"));
        assertEquals("no", globals("%( $# > 0 %? global yes %: global no %)", PreprocessorContext.defaults()));
    }

    @Test
    void nestedConditionalsAndMissingElse() {
        String text = "%( arch == \"x86_64\" %? %( 1 == 2 %? global a %: global b %) global c %: global d %)"
                + " %( 1 == 2 %? global e %) global f";
        assertEquals("b c f", globals(text, UBUNTU));
    }

    @Test
    void falseBranchesAreNeitherDefinedNorChecked() {
        String text = "%( 1 == 2 %? @define X %( 1 %) ` junk \"unclosed\n%: global kept %)";
        ParseResult r = parse(text, UBUNTU);
        assertEquals("", r.diagnostics().render());
        assertTrue(r.script().macros().isEmpty());
        assertEquals(1, r.script().decls().size());
    }

    private static Expr firstAssignedValue(ParseResult r) {
        assertEquals("", r.diagnostics().render());
        Decl.Probe p = (Decl.Probe) r.script().decls().get(r.script().decls().size() - 1);
        Stmt.ExprStmt s = (Stmt.ExprStmt) p.body().stmts().get(0);
        return ((Expr.Assign) s.expr()).value();
    }

    @Test
    void macrosExpandWithParametersAndAreRecorded() {
        ParseResult r = parse("@define ADD(a, b) %( (@a + @b) %)\nprobe begin {\n  x = @ADD(1, y * 2)\n}", UBUNTU);
        assertEquals(bin(BinOp.ADD, num(1), bin(BinOp.MUL, id("y"), num(2))), firstAssignedValue(r));
        Decl.Macro m = r.script().macros().get(0);
        assertEquals("ADD", m.name());
        assertEquals(List.of("a", "b"), m.params());
        assertEquals("(@a + @b)", m.body());
        assertEquals(1, m.span().line());
    }

    @Test
    void macroParametersAreExpandedWhereTheUseWasWritten() {
        String text = "@define TWICE(x) %( (@x * 2) %)\n@define QUAD(y) %( @TWICE(@TWICE(@y)) %)\n"
                + "probe begin { z = @QUAD(3) }";
        assertEquals(bin(BinOp.MUL, bin(BinOp.MUL, num(3), num(2)), num(2)), firstAssignedValue(parse(text, UBUNTU)));
    }

    @Test
    void expandedTokensRecordTheUse() {
        ParseResult r = parse("@define ADD(a, b) %( add(@a, @b) %)\nprobe begin {\n  x = @ADD(1, 2)\n}", UBUNTU);
        Expr.Call call = (Expr.Call) firstAssignedValue(r);
        // The call comes from the body on line 1; the use is on line 3, column 7.
        Span span = call.span();
        assertEquals(1, span.line());
        assertEquals(22, span.col());
        assertNotNull(span.expandedFrom());
        assertEquals(3, span.expandedFrom().line());
        assertEquals(7, span.expandedFrom().col());
        // An argument stands where it was written.
        Span one = call.args().get(0).span();
        assertEquals(3, one.line());
        assertEquals(12, one.col());
        assertNull(one.expandedFrom());
    }

    @Test
    void anErrorInsideAnExpansionShowsWhereItWasExpanded() {
        ParseResult r = parse("@define BAD %( ) %)\nprobe begin { x = @BAD }", UBUNTU);
        String text = r.diagnostics().render();
        assertTrue(text.startsWith("parse error: expected expression\n        at: pp.stp:1:16\n"), text);
        assertTrue(text.contains("  expanded from: pp.stp:2:19\n"), text);
    }

    @Test
    void unknownAtWordsPassThroughToTheParser() {
        ParseResult r = parse("@define X %( 1 %)\nglobal s\nprobe begin { s <<< @X; y = @count(s) }", UBUNTU);
        assertFalse(r.diagnostics().hasErrors(), r.diagnostics().render());
    }
}
