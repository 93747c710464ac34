package io.jstap.runtime.codegen;

import static io.jstap.runtime.codegen.IrBuild.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.bpfgen.RecordDecoder;
import io.jstap.compiler.ir.IrType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContextKernelTest extends CodegenKernelTest {

    private final long[] savedAffinity = new long[16];

    @BeforeEach
    void pinToCpu1() {
        Native.sched_getaffinity(0, 8L * savedAffinity.length, savedAffinity);
        Native.sched_setaffinity(0, 8, new long[] {LoadedModule.possibleCpus() > 1 ? 2 : 1});
    }

    @AfterEach
    void unpin() {
        Native.sched_setaffinity(0, 8L * savedAffinity.length, savedAffinity);
    }

    /** The second number of a "Uid:"/"Gid:" line of /proc/self/status: the effective id. */
    private static long effective(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.split("\\s+")[2]);
            }
        }
        throw new IllegalStateException(field);
    }

    @Test
    void contextFunctionsDescribeTheCallingThread() throws IOException {
        LoadedModule m = load(List.of(), probe(List.of(),
                p("%d %d %d %d %d %d %d %d %d\n", fn("pid", IrType.LONG), fn("tid", IrType.LONG),
                        fn("ppid", IrType.LONG), fn("uid", IrType.LONG), fn("gid", IrType.LONG), fn("euid", IrType.LONG),
                        fn("egid", IrType.LONG), fn("cpu", IrType.LONG), fn("target", IrType.LONG)),
                p("%s|%s|%s\n", fn("execname", IrType.STRING), fn("pp", IrType.STRING), fn("probefunc", IrType.STRING)),
                p("%d %d %d\n", fn("gettimeofday_s", IrType.LONG), fn("gettimeofday_ms", IrType.LONG),
                        fn("jiffies", IrType.LONG))));
        long before = System.currentTimeMillis();
        getppid(1);
        long after = System.currentTimeMillis();
        List<RecordDecoder.Decoded> r = m.records(3);
        long ppid = ProcessHandle.current().parent().orElseThrow().pid();
        long cpu = LoadedModule.possibleCpus() > 1 ? 1 : 0;
        assertEquals(tgid() + " " + Native.gettid() + " " + ppid + " " + effectiveOrReal("Uid", 1) + " "
                + effectiveOrReal("Gid", 1) + " " + effective("Uid") + " " + effective("Gid") + " " + cpu + " 4321\n",
                r.get(0).text());
        assertEquals(CountersKernelTest.threadComm() + "|syscall.getppid|\n", r.get(1).text());
        List<Object> t = r.get(2).args();
        long ms = (Long) t.get(1);
        assertTrue(ms >= before - 5 && ms <= after + 5, ms + " not in [" + before + ", " + after + "]");
        assertEquals(ms / 1000, (Long) t.get(0), 1);
        assertTrue((Long) t.get(2) > 0);
    }

    private static long effectiveOrReal(String field, int column) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.split("\\s+")[column]);
            }
        }
        throw new IllegalStateException(field);
    }
}
