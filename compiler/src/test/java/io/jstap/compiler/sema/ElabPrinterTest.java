package io.jstap.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ElabPrinterTest {

    @Test
    void printsGlobalsFunctionsAndProbesLikeStapP2() {
        Program p = Elab.ok("global reads, total = 0\n"
                + "function kb(n) { return n / 1024 }\n"
                + "probe syscall.read if (total >= 0) { reads[execname()] <<< count; total += kb(count) }\n"
                + "probe timer.s(5), end { printf(\"%d\\n\", total) }\n");
        assertEquals("# global\n"
                + "reads:stats [string]\n"
                + "total:long = 0\n"
                + "# functions\n"
                + "kb:long (n:long)\n"
                + "{\n"
                + "  return n / 1024;\n"
                + "}\n"

                + "# probes\n"
                + "kernel.trace(\"syscalls:sys_enter_read\") /* <- syscall.read */ if (total >= 0)\n"
                + "  # locals\n"
                + "  count:long\n"
                + "{\n"
                + "  {\n"
                + "    count = $count;\n"
                + "  }\n"
                + "  {\n"
                + "    reads[execname()] <<< count;\n"
                + "    total += kb(count);\n"
                + "  }\n"
                + "}\n"
                + "timer.s(5)\n"
                + "{\n"
                + "  printf(\"%d\\n\", total);\n"
                + "}\n"
                + "end\n"
                + "{\n"
                + "  printf(\"%d\\n\", total);\n"
                + "}\n", ElabPrinter.print(p));
    }
}
