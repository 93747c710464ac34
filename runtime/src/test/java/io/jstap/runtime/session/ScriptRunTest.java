package io.jstap.runtime.session;

import static io.jstap.runtime.session.Modules.begin;
import static io.jstap.runtime.session.Modules.call;
import static io.jstap.runtime.session.Modules.end;
import static io.jstap.runtime.session.Modules.gvar;
import static io.jstap.runtime.session.Modules.num;
import static io.jstap.runtime.session.Modules.printf;
import static io.jstap.runtime.session.Modules.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.Ops;
import io.jstap.compiler.ir.Stmt;
import io.jstap.compiler.module.Module;
import io.jstap.runtime.output.RecordingOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run lifecycle with userspace probes only (no maps, so no BPF and no root needed): probe order,
 * stop reasons, errors and the end-of-run display, exactly as stap prints them.
 */
class ScriptRunTest {

    private final RecordingOutput out = new RecordingOutput();

    private static Stmt exit() {
        return call("exit", IrType.VOID);
    }

    private static Stmt error(String msg) {
        return call("error", IrType.VOID, str(msg));
    }

    private static Stmt set(String global, long v) {
        return new Stmt.ExprStmt(new Expr.Assign(gvar(global, IrType.LONG), Ops.AssignOp.SET, num(v), Modules.LOC));
    }

    private static Stmt incr(String global) {
        return new Stmt.ExprStmt(new Expr.IncDec(gvar(global, IrType.LONG), true, false, Modules.LOC));
    }

    private static GlobalDecl scalar(String name) {
        return GlobalDecl.scalar(name, IrType.LONG, Modules.LOC);
    }

    private int run(Module m, RunOptions o) {
        return ScriptRun.run(m, o, out);
    }

    @Test
    void beginAndEndProbesRunBySequenceThenSourceOrder() {
        Module m = new Modules.Builder()
                .user(begin(1, 1, printf("b1\n")))
                .user(end(2, 5, printf("e5\n")))
                .user(begin(3, -1, printf("b-1\n")))
                .user(end(4, 0, printf("e0\n")))
                .user(begin(5, 1, printf("b1'\n"), exit()))
                .user(end(6, -3, printf("e-3\n")))
                .build();
        assertEquals(0, run(m, RunOptions.defaults()));
        assertEquals("b-1\nb1\nb1'\ne-3\ne0\ne5\n", out.text());
    }

    @Test
    void globalsWrittenButNeverReadAreShownAfterTheEndProbes() {
        Module m = new Modules.Builder()
                .heapGlobal(scalar("count"))
                .heapGlobal(scalar("seen"))
                .heapGlobal(scalar("unused"))
                .user(begin(1, 0, set("count", 41), incr("count"), set("seen", 7), exit()))
                .user(end(2, 0, printf("seen %d\n", gvar("seen", IrType.LONG))))
                .user(end(3, 1, printf("late end\n")))
                .build();
        assertEquals(0, run(m, RunOptions.defaults()));
        // stap's synthetic display probe is an end probe numbered 0, after the script's own end probes 0
        assertEquals("seen 7\ncount=42\nlate end\n", out.text());
    }

    @Test
    void anErrorStopsTheRunSkipsEndProbesAndRunsErrorProbes() {
        Module m = new Modules.Builder()
                .heapGlobal(scalar("count"))
                .user(begin(1, 0, set("count", 1), error("boom")))
                .user(begin(2, 0, printf("second begin\n")))
                .user(end(3, 0, printf("end\n")))
                .user(Modules.error(4, printf("error probe\n")))
                .build();
        assertEquals(1, run(m, RunOptions.defaults()));
        assertEquals("ERROR: boom near identifier 'error' at t.stp:1:1\nerror probe\n"
                + "WARNING: Number of errors: 1, skipped probes: 0\n", out.text());
    }

    @Test
    void maxErrorsToleratesThatManyErrors() {
        Module m = new Modules.Builder()
                .user(begin(1, 0, error("one")))
                .user(begin(2, 0, error("two")))
                .user(begin(3, 0, printf("third begin\n")))
                .user(end(4, 0, printf("end\n")))
                .build();
        assertEquals(1, run(m, RunOptions.defaults().withMaxErrors(1)));
        assertEquals("ERROR: one near identifier 'error' at t.stp:1:1\n"
                + "ERROR: two near identifier 'error' at t.stp:1:1\n"
                + "WARNING: Number of errors: 2, skipped probes: 0\n", out.text());
    }

    @Test
    void suppressedHandlerErrorsNeitherPrintNorStop() {
        Module m = new Modules.Builder()
                .user(begin(1, 0, error("quiet"), printf("not reached\n")))
                .user(begin(2, 0, printf("second begin\n"), exit()))
                .user(end(3, 0, printf("end\n")))
                .build();
        assertEquals(0, run(m, RunOptions.defaults().withSuppressHandlerErrors(true)));
        assertEquals("second begin\nend\n", out.text());
    }

    @Test
    void abortSkipsEndProbesAsStapsSessionErrorDoes() {
        Module m = new Modules.Builder()
                .user(begin(1, 0, printf("begin\n"), call("abort", IrType.VOID), printf("not reached\n")))
                .user(end(2, 0, printf("end\n")))
                .user(Modules.error(3, printf("error probe\n")))
                .build();
        assertEquals(0, run(m, RunOptions.defaults()));
        assertEquals("begin\nerror probe\n", out.text());
    }

    @Test
    void aTimerThatCallsExitFiresNoMore() {
        Expr ticks = gvar("ticks", IrType.LONG);
        Stmt tick = new Stmt.ExprStmt(new Expr.IncDec((Expr.LValue) ticks, true, false, Modules.LOC));
        Stmt stopAt3 = new Stmt.If(new Expr.Compare(Ops.CmpOp.EQ, ticks, num(3), Modules.LOC), exit(), null,
                Modules.LOC);
        Module m = new Modules.Builder()
                .heapGlobal(scalar("ticks"))
                .user(Modules.timer(1, 5_000_000, tick, stopAt3))
                .user(end(2, 0, printf("ticks %d\n", ticks)))
                .build();
        assertEquals(0, run(m, RunOptions.defaults().withTimeout(30.0)));
        assertEquals("ticks 3\n", out.text());
    }

    @Test
    void theTimeoutEndsTheRunOrderly() {
        Module m = new Modules.Builder().user(end(1, 0, printf("end\n"))).build();
        long t0 = System.nanoTime();
        assertEquals(0, run(m, RunOptions.defaults().withTimeout(0.3)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("end\n", out.text());
        assertTrue(ms >= 300 && ms < 5000, "run took " + ms + " ms");
    }

    @Test
    void theCommandsExitEndsTheRunAndItsPidIsTarget(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("pid");
        Path script = dir.resolve("child.sh");
        Files.writeString(script, "#!/bin/sh\necho $$ > " + pidFile + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Expr target = new Expr.BuiltinCall("target", java.util.List.of(), IrType.LONG, Modules.LOC);
        Module m = new Modules.Builder()
                .user(begin(1, 0, printf("target %d\n", target)))
                .user(end(2, 0, printf("end\n")))
                .build();
        assertEquals(0, run(m, RunOptions.defaults().withCommand(script.toString()).withTimeout(30.0)));
        String pid = Files.readString(pidFile).strip();
        assertEquals("target " + pid + "\nend\n", out.text());
    }

    @Test
    void aFailingCommandIsReportedAndMakesTheStatusOne(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("fail.sh");
        Files.writeString(script, "#!/bin/sh\nexit 3\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Module m = new Modules.Builder().user(end(1, 0, printf("end\n"))).build();
        assertEquals(1, run(m, RunOptions.defaults().withCommand(script.toString())));
        assertEquals("WARNING: Child process exited with status 3\nend\n", out.text());
    }

    @Test
    void aMissingCommandFailsBeforeAnythingRuns() {
        Module m = new Modules.Builder().user(begin(1, 0, printf("begin\n"))).build();
        assertEquals(1, run(m, RunOptions.defaults().withCommand("no-such-command-jstap --flag")));
        assertEquals("ERROR: -c command 'no-such-command-jstap --flag': no-such-command-jstap: command not found\n",
                out.text());
    }

    @Test
    void shellOperatorsRunThroughShC(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("f");
        Module m = new Modules.Builder().build();
        assertEquals(0, run(m, RunOptions.defaults().withCommand("echo one > " + f + "; echo two >> " + f)));
        assertEquals("one\ntwo\n", Files.readString(f));
        assertEquals("", out.text());
    }

    @Test
    void jsonOutputGoesToTheOutputFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("out.json");
        Module m = new Modules.Builder()
                .heapGlobal(scalar("count"))
                .user(begin(1, 0, printf("hello\n"), set("count", 3), exit()))
                .build();
        RunOptions o = RunOptions.defaults().withOutputFile(f.toString())
                .withFormat(io.jstap.runtime.output.OutputFormat.JSON);
        assertEquals(0, ScriptRun.run(m, o));
        assertEquals("{\"type\": \"printf\", \"data\": \"hello\\n\"}\n"
                + "{\"type\": \"map\", \"data\": {\"count\": 3}}\n", Files.readString(f));
    }

    @Test
    void cAndXTogetherAreRefusedAsStapDoes() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RunOptions.defaults().withCommand("true").withTargetPid(1));
        assertEquals("You can't specify -c and -x options together.", e.getMessage());
    }
}
