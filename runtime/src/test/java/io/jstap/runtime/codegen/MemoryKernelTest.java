package io.jstap.runtime.codegen;

import static io.jstap.runtime.codegen.IrBuild.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.CmpOp;
import io.jstap.compiler.ir.ProbeBody;
import io.jstap.compiler.ir.Stmt;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryKernelTest extends CodegenKernelTest {

    private static final String PATH = "/proc/self/cmdline";

    /** sys_enter_openat of this process whose filename is PATH: prints user strings and faults. */
    private LoadedModule openatModule(Stmt... body) {
        ProbeBody b = probe(List.of(lv("msg", IrType.STRING, 0)), body);
        return new LoadedModule(kr, compile(List.of(), List.of(), RuntimeLimits.DEFAULTS,
                List.of(plan(b, "syscalls", "sys_enter_openat"))), 0).attach();
    }

    private static Expr filename() {
        return new Expr.RawArg(1, L0);
    }

    /** Only for our path: the first 18 bytes equal PATH. */
    private static Stmt onlyOurPath() {
        return ifs(cmp(CmpOp.NE, fn("user_string_n", IrType.STRING, filename(), num(PATH.length())), str(PATH)),
                next(), null);
    }

    private static void open() throws IOException {
        try (FileInputStream in = new FileInputStream(PATH)) {
            in.read();
        }
    }

    @Test
    void userStringsOfASyscallArgument() throws IOException {
        LoadedModule m = openatModule(onlyOurPath(),
                p("%s|%s|%d\n", fn("user_string", IrType.STRING, filename()),
                        fn("user_string_n", IrType.STRING, filename(), num(5)), new Expr.RawArg(0, L0)),
                p("%d %d\n", fn("user_char", IrType.LONG, filename()), fn("user_int8", IrType.LONG, filename())),
                p("%s\n", fn("user_string2", IrType.STRING, num(8), str("<bad>"))));
        open();
        // the raw argument is the register: AT_FDCWD (-100) as a 32-bit int, zero-extended
        assertEquals(List.of(PATH + "|/proc|4294967196\n", "47 47\n", "<bad>\n"), m.texts(3));
    }

    @Test
    void aFaultIsACatchableErrorWithTheAddress() throws IOException {
        LocalVar msg = lv("msg", IrType.STRING, 0);
        LoadedModule m = openatModule(onlyOurPath(),
                tryCatch(p("%s\n", fn("user_string", IrType.STRING, num(16))), msg, p("caught: %s\n", ref(msg))),
                p("%d\n", fn("user_long", IrType.LONG, num(16))),
                s(fnAt(at(9, 2), "kernel_string", IrType.STRING, num(24))));
        open();
        assertEquals(List.of("caught: user string copy fault\n", "0\n",
                "kernel string copy fault at 0x18 [man error::fault] near identifier 'kernel_string' at t.stp:9:2"),
                m.texts(3));
        assertTrue(m.records(3).get(2).record().kind() == io.jstap.compiler.module.OutputRecord.Kind.ERROR);
    }
}
