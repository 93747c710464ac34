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
                + "__int32:long (x:long)\n"
                + "{\n"
                + "  return (x & 4294967295 ^ 2147483648) - 2147483648;\n"
                + "}\n"
                + "# probes\n"
                + "kernel.trace(\"syscalls:sys_enter_read\") /* <- syscall.read */ if (total >= 0)\n"
                + "  # locals\n"
                + "  name:string\n"
                + "  fd:long\n"
                + "  buf_uaddr:long\n"
                + "  count:long\n"
                + "  argstr:string\n"
                + "{\n"
                + "  {\n"
                + "    name = \"read\";\n"
                + "    fd = __int32($fd);\n"
                + "    buf_uaddr = $buf;\n"
                + "    count = $count;\n"
                + "    argstr = sprintf(\"%d, 0x%x, %d\", fd, buf_uaddr, count);\n"
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
