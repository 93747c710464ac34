package io.jstap.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstap.compiler.bpfgen.KernelPlan;
import io.jstap.compiler.bpfgen.ModuleBuilder;
import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrProgram;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.Ops;
import io.jstap.compiler.ir.ProbeBody;
import io.jstap.compiler.ir.SrcLoc;
import io.jstap.compiler.ir.Stmt;
import io.jstap.compiler.module.Attach;
import io.jstap.compiler.module.MapDef;
import io.jstap.compiler.module.Module;
import io.jstap.compiler.module.ProgKind;
import io.jstap.compiler.module.UserProbe;
import io.jstap.runtime.output.RecordingOutput;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A script compiled by the code generator, run as the command line runs it:
 * <pre>
 * global count, names, lat
 * probe syscall.getppid {
 *   if (pid() != target()) next
 *   if (count >= 50) next
 *   count++; names[execname()]++; lat &lt;&lt;&lt; count
 *   printf("hit %d by %s\n", count, execname())
 *   if (count == 50) exit()
 * }
 * probe end { printf("%d hits, avg %d\n", count, @avg(lat)) }
 * </pre>
 * with {@code -x} this JVM's pid: target() comes from the CONFIG map, output from the ring buffer, the end
 * probe reads per-CPU statistics through the store, and the unread {@code names} is shown at the end.
 */
class CompiledScriptKernelTest extends SessionKernelTest {

    private static final SrcLoc L = new SrcLoc("t.stp", 1, 1);

    private static Expr fn(String name, IrType t) {
        return new Expr.BuiltinCall(name, List.of(), t, L);
    }

    private static Expr.GlobalVar count() {
        return new Expr.GlobalVar("count", IrType.LONG, L);
    }

    private static Stmt s(Expr e) {
        return new Stmt.ExprStmt(e);
    }

    private static Stmt printf(String f, Expr... args) {
        return s(new Expr.Format(Expr.Format.FormatKind.PRINTF, f, List.of(args), L));
    }

    private static Stmt nextIf(Expr cond) {
        return new Stmt.If(cond, new Stmt.Next(L), null, L);
    }

    static Module compile() {
        GlobalDecl count = GlobalDecl.scalar("count", IrType.LONG, L);
        GlobalDecl names = GlobalDecl.array("names", List.of(IrType.STRING), IrType.LONG, L);
        GlobalDecl lat = GlobalDecl.stats("lat", List.of(), HistogramSpec.NONE, L);
        Stmt kernelBody = new Stmt.Block(List.of(
                nextIf(new Expr.Compare(Ops.CmpOp.NE, fn("pid", IrType.LONG), fn("target", IrType.LONG), L)),
                nextIf(new Expr.Compare(Ops.CmpOp.GE, count(), new Expr.LongLit(50, L), L)),
                s(new Expr.IncDec(count(), true, false, L)),
                s(new Expr.IncDec(new Expr.GlobalElem("names", List.of(fn("execname", IrType.STRING)), IrType.LONG, L),
                        true, false, L)),
                s(new Expr.StatsAdd(new Expr.GlobalVar("lat", IrType.STATS, L), count(), L)),
                printf("hit %d by %s\n", count(), fn("execname", IrType.STRING)),
                new Stmt.If(new Expr.Compare(Ops.CmpOp.EQ, count(), new Expr.LongLit(50, L), L),
                        s(new Expr.BuiltinCall("exit", List.of(), IrType.VOID, L)), null, L)), L);
        ProbeBody kernel = new ProbeBody("syscall.getppid", List.of(), kernelBody, L);
        ProbeBody end = new ProbeBody("end", List.of(), new Stmt.Block(List.of(printf("%d hits, avg %d\n", count(),
                new Expr.StatsOp(Ops.StatsAgg.AVG, new Expr.GlobalVar("lat", IrType.STATS, L), L))), L), L);
        IrProgram ir = new IrProgram(List.of(count, names, lat), List.of(), List.of(kernel, end));
        KernelPlan plan = new KernelPlan(kernel, ProgKind.TRACEPOINT,
                List.of(new Attach.Tracepoint("syscalls", "sys_enter_getppid")), "getppid");
        return ModuleBuilder.build(ir, List.of(plan), List.of(new UserProbe(1, "end", new UserProbe.Trigger.End(0), end)),
                RuntimeLimits.DEFAULTS);
    }

    @Test
    void aCompiledScriptRunsToItsExitWithEveryPartInPlace() throws Exception {
        Module m = compile();
        assertEquals(MapDef.MapKind.PERCPU_HASH, m.map("lat").orElseThrow().kind());
        RecordingOutput out = new RecordingOutput();
        RunOptions o = RunOptions.defaults().withTargetPid(tgid()).withTimeout(20.0);
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> ScriptRun.run(m, o, out));
        Thread caller = new Thread(() -> {
            while (!status.isDone()) {
                getppid(1);
            }
        }, "e2e-caller");
        caller.start();
        assertEquals(0, status.get(30, TimeUnit.SECONDS));
        caller.join();
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i <= 50; i++) {
            expected.append("hit ").append(i).append(" by e2e-caller\n");
        }
        expected.append("50 hits, avg 25\n").append("names[\"e2e-caller\"]=50\n");
        assertEquals(expected.toString(), out.text());
    }
}
