package io.jstap.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstap.compiler.sema.ElabOptions;
import io.jstap.compiler.sema.ProbeListing;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * process("PATH").mark("NAME") on a program the test builds: arguments from registers, memory and
 * constants with their sizes and signs, $$parms, a semaphore the kernel sets only while the probe is
 * attached, -L listing, and exact sums over a -c run of N iterations.
 */
class UsdtKernelTest extends SessionKernelTest {

    @TempDir
    Path dir;

    private static String script(Path prog) {
        String p = "process(\"" + prog + "\")";
        return "global n, s1, s2, s3, s4, g, parms\n"
                + "probe " + p + ".mark(\"tick\") { n++; s1 += $arg1; s2 += $arg2; s3 += $arg3; s4 += $arg4\n"
                + "  if ($arg1 == 2) parms = $$provider . \":\" . $$name . \" \" . $$parms }\n"
                + "probe " + p + ".provider(\"jt\").mark(\"gated\") { g += $arg1 }\n"
                + "probe end { printf(\"%d %d %d %d %d %d\\n\", n, s1, s2, s3, s4, g); println(parms) }\n";
    }

    @Test
    void argumentsAndSemaphoreOverAPieProgram() throws Exception {
        Path prog = Workload.build(dir, "loop_pie", "-pie", "-fPIE");
        assertEquals("100 5050 50500 500 -5050 5050\njt:tick $arg1=0x2 $arg2=0x14 $arg3=0x5 $arg4=0xfffffffffffffffe\n",
                Workload.run(script(prog), prog + " 100"));
    }

    @Test
    void fixedAddressProgramWithoutFramePointer() throws Exception {
        Path prog = Workload.build(dir, "loop_exec", "-no-pie", "-fomit-frame-pointer");
        assertEquals("37 703 7030 185 -703 703\njt:tick $arg1=0x2 $arg2=0x14 $arg3=0x5 $arg4=0xfffffffffffffffe\n",
                Workload.run(script(prog), prog + " 37"));
    }

    @Test
    void missingArgumentIsUndefinedAndFunctionProbesShareTheProgram() throws Exception {
        Path prog = Workload.build(dir, "loop_gate", "-pie", "-fPIE");
        String p = "process(\"" + prog + "\")";
        assertEquals("0 25\n", Workload.run("global g, w\nprobe " + p + ".mark(\"tick\") { if (@defined($arg9)) g++ }\n"
                + "probe " + p + ".function(\"jt_work\") { w++ }\nprobe end { printf(\"%d %d\\n\", g, w) }\n",
                prog + " 25"));
    }

    @Test
    void listingShowsMarksWithTheirArguments() throws Exception {
        Path prog = Workload.build(dir, "loop_list", "-pie", "-fPIE");
        ProbeListing.Result r = ProbeListing.list("process(\"" + prog + "\").mark(\"*\")",
                new ElabOptions(List.of(), Map.of(), List.of(), 0), Workload.CATALOG);
        String p = "process(\"" + prog + "\")";
        assertEquals(List.of(p + ".mark(\"gated\") $arg1:long",
                p + ".mark(\"tick\") $arg1:long $arg2:long $arg3:long $arg4:long"),
                r.entries().stream().map(e -> e.render(true)).toList());
    }
}
