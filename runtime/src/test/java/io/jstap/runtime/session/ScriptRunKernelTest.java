package io.jstap.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.bpf.MapRef;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.module.Module;
import io.jstap.compiler.module.OutputRecord;
import io.jstap.runtime.output.RecordingOutput;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs with kernel probes: every way a run ends runs end probes once and leaves nothing loaded. */
class ScriptRunKernelTest extends SessionKernelTest {

    private static final MapRef COUNT = new MapRef("count");
    private final RecordingOutput out = new RecordingOutput();

    private static Modules.Builder counting() {
        return new Modules.Builder()
                .map(Modules.scalar("count", IrType.LONG, false))
                .kernel(Modules.tracepoint(0, "count", Modules.counter(COUNT, tgid()), "syscalls", "sys_enter_getppid",
                        Modules.increment("count")));
    }

    /** Runs on another thread while this one makes getppid calls until the run returns. */
    private int runWhileCalling(Module m, RunOptions o) throws Exception {
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> ScriptRun.run(m, o, out));
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!status.isDone() && System.nanoTime() < deadline) {
            getppid(1);
            Thread.sleep(1);
        }
        return status.get(1, TimeUnit.SECONDS);
    }

    @Test
    void anExitRecordEndsTheRunWithEndProbesOnceAndUnreadGlobalsShown() throws Exception {
        Module m = new Modules.Builder()
                .map(Modules.scalar("count", IrType.LONG, false))
                .map(Modules.ring(1 << 14))
                .record(Modules.record(0, OutputRecord.Kind.EXIT, "", 8))
                .kernel(Modules.tracepoint(0, "count5", KernelPrograms.countThenExit(COUNT, tgid(), 5, 0), "syscalls",
                        "sys_enter_getppid", Modules.increment("count")))
                .user(Modules.begin(1, 0, Modules.printf("begin\n")))
                .user(Modules.end(2, 0, Modules.printf("end\n")))
                .build();
        assertEquals(0, runWhileCalling(m, RunOptions.defaults().withTimeout(20.0)));
        assertEquals("begin\nend\ncount=5\n", out.text());
    }

    @Test
    void theTimeoutDetachesAndShowsWhatWasCounted() throws Exception {
        Module m = counting().user(Modules.end(1, 0, Modules.printf("end\n"))).build();
        long t0 = System.nanoTime();
        int status = ScriptRun.run(m, RunOptions.defaults().withTimeout(0.25), out);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, status);
        assertEquals("end\ncount=0\n", out.text());
        assertTrue(ms >= 250 && ms < 5000, "took " + ms + " ms");
    }

    @Test
    void aCommandExecsOnlyOnceTheProbesAreAttached(@TempDir Path dir) throws Exception {
        // a copy of true under a name no other process uses: the probe counts its exec
        String name = "jst" + Long.toHexString(System.nanoTime() & 0xffffffffL);
        Path program = dir.resolve(name);
        Files.copy(Path.of("/bin/true"), program);
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        Module m = new Modules.Builder()
                .map(Modules.scalar("execs", IrType.LONG, false))
                .kernel(Modules.tracepoint(0, "execs", KernelPrograms.execsOf(new MapRef("execs"), name), "sched",
                        "sched_process_exec", Modules.increment("execs")))
                .user(Modules.end(1, 0, Modules.printf("end\n")))
                .build();
        assertEquals(0, ScriptRun.run(m, RunOptions.defaults().withCommand(program.toString()).withTimeout(20.0), out));
        assertEquals("end\nexecs=1\n", out.text());
    }

    @Test
    void aMissingCommandLoadsNothing() {
        Module m = counting().user(Modules.begin(1, 0, Modules.printf("begin\n"))).build();
        assertEquals(1, ScriptRun.run(m, RunOptions.defaults().withCommand("/no/such/program arg"), out));
        assertEquals("ERROR: -c command '/no/such/program arg': /no/such/program: No such file or directory\n",
                out.text());
    }

    @Test
    void anAttachFailureIsAnErrorAndReleasesEverything() {
        Module m = new Modules.Builder()
                .map(Modules.scalar("count", IrType.LONG, false))
                .kernel(Modules.tracepoint(0, "count", Modules.counter(COUNT, tgid()), "syscalls", "sys_enter_getppid",
                        Modules.increment("count")))
                .kernel(Modules.tracepoint(1, "nowhere", Modules.counter(COUNT, tgid()), "nosuchcategory", "nosuchevent"))
                .user(Modules.begin(2, 0, Modules.printf("begin\n")))
                .user(Modules.end(3, 0, Modules.printf("end\n")))
                .user(Modules.error(4, Modules.printf("error probe\n")))
                .build();
        assertEquals(1, ScriptRun.run(m, RunOptions.defaults(), out));
        String text = out.text();
        assertTrue(text.startsWith("begin\nERROR: probe nowhere at t.stp:1:1: cannot attach tracepoint "
                + "nosuchcategory:nosuchevent: "), text);
        assertTrue(text.endsWith("\nerror probe\n"), text);
    }

    @Test
    void sigtermEndsAChildRunOrderlyAndItReleasesEverything() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ScriptRunChild.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", r.readLine());
            // the run attaches after its begin probes: wait until the child holds its perf event
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (KernelFds.of(Long.toString(child.pid())).stream().noneMatch(f -> f.contains("perf_event"))) {
                assertTrue(System.nanoTime() < deadline, "child never attached");
                Thread.sleep(5);
            }
            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(child.pid())).start().waitFor());
            assertTrue(child.waitFor(20, TimeUnit.SECONDS), "child did not end on SIGTERM");
            StringBuilder rest = new StringBuilder();
            for (String line; (line = r.readLine()) != null; ) {
                rest.append(line).append('\n');
            }
            assertEquals("end ran\ncount=0\nstatus 0\nfds []\n", rest.toString());
            assertEquals(0, child.exitValue());
        } finally {
            child.destroyForcibly();
        }
    }
}
