package io.jstap.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProbeListingTest {

    private static List<String> list(String point, boolean vars) {
        ProbeListing.Result r = ProbeListing.list(point, ElabOptions.defaults(), Elab.CATALOG);
        assertEquals("", r.diagnostics().render());
        return r.entries().stream().map(e -> e.render(vars)).collect(Collectors.toList());
    }

    @Test
    void aliasesAreListedByName() {
        assertEquals(List.of("syscall.open", "syscall.openat"), list("syscall.open*", false));
        assertEquals(List.of("syscall.read name:string fd:long buf_uaddr:long count:long argstr:string"
                + " $__syscall_nr:long $fd:long $buf:long $count:long"), list("syscall.read", true));
        assertEquals(List.of("vfs.read.return name:string retval:long retstr:string ret:long bytes_read:long"
                + " error:long error_str:string $__syscall_nr:long $ret:long $return:long"),
                list("vfs.read.return", true));
    }

    @Test
    void builtInPointsAreListedConcretely() {
        assertEquals(List.of("kernel.trace(\"sched:sched_process_exec\")", "kernel.trace(\"sched:sched_process_exit\")"),
                list("kernel.trace(\"sched:sched_process_ex*\")", false));
        assertEquals(List.of("kernel.trace(\"sched:sched_process_exec\") $filename:string $pid:long $old_pid:long"),
                list("kernel.trace(\"sched:sched_process_exec\")", true));
        assertEquals(List.of("timer.ms(100)"), list("timer.ms(100)", true));
    }

    @Test
    void mismatchesAreDiagnostics() {
        ProbeListing.Result r = ProbeListing.list("sycall.*", ElabOptions.defaults(), Elab.CATALOG);
        assertEquals(List.of(), r.entries());
        assertEquals(1, r.diagnostics().errorCount());
    }
}
