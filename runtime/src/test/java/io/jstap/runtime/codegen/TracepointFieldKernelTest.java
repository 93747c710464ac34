package io.jstap.runtime.codegen;

import static io.jstap.runtime.codegen.IrBuild.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.Ops.CmpOp;
import io.jstap.compiler.ir.ProbeBody;
import io.jstap.compiler.ir.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tracepoint record fields: a __data_loc string, an inline char[16], signed 32-bit integers. */
class TracepointFieldKernelTest extends CodegenKernelTest {

    /** Events of our children only: their parent is this process. */
    private static Stmt onlyChildren() {
        return ifs(cmp(CmpOp.NE, fn("ppid", IrType.LONG), num(tgid())), next(), null);
    }

    private static Expr field(String name, int offset, int size, boolean signed, boolean string, boolean dataLoc) {
        return new Expr.TracepointField(name, offset, size, signed, string, dataLoc, L0);
    }

    @Test
    void execAndExitFieldsOfAChild() throws Exception {
        ProbeBody exec = new ProbeBody("kernel.trace(\"sched:sched_process_exec\")", List.of(), block(onlyChildren(),
                p("exec %s %d\n", field("filename", 8, 4, false, true, true), field("pid", 12, 4, true, false, false))), L0);
        ProbeBody exit = new ProbeBody("kernel.trace(\"sched:sched_process_exit\")", List.of(), block(onlyChildren(),
                p("exit %s %d\n", field("comm", 8, 16, false, true, false), field("pid", 24, 4, true, false, false))), L0);
        LoadedModule m = new LoadedModule(kr, compile(List.of(), List.of(), RuntimeLimits.DEFAULTS,
                List.of(plan(exec, "sched", "sched_process_exec"), plan(exit, "sched", "sched_process_exit"))), 0).attach();
        Process p = new ProcessBuilder("/bin/true").start();
        assertEquals(0, p.waitFor());
        List<String> texts = m.texts(2);
        long pid = p.pid();
        String truePath = new java.io.File("/bin/true").getPath();
        assertTrue(texts.contains("exec " + truePath + " " + pid + "\n"), texts.toString());
        assertTrue(texts.contains("exit true " + pid + "\n"), texts.toString());
    }
}
