package io.jstap.runtime.session;

import io.jstap.compiler.bpf.MapRef;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.module.Module;

/**
 * Run in a child JVM by {@link ScriptRunKernelTest}: runs a script whose kernel probe counts getppid
 * calls, whose begin probe prints {@code ready} and whose end probe prints {@code end ran}, until a
 * signal ends it; then prints {@code status N} and the bpf fds it still holds, and exits with N.
 */
public final class ScriptRunChild {

    private ScriptRunChild() {
    }

    public static void main(String[] args) {
        int pid = (int) ProcessHandle.current().pid();
        Module m = new Modules.Builder()
                .map(Modules.scalar("count", IrType.LONG, false))
                .kernel(Modules.tracepoint(0, "count", Modules.counter(new MapRef("count"), pid), "syscalls",
                        "sys_enter_getppid", Modules.increment("count")))
                .user(Modules.begin(1, 0, Modules.printf("ready\n")))
                .user(Modules.end(2, 0, Modules.printf("end ran\n")))
                .build();
        int status = ScriptRun.run(m, RunOptions.defaults());
        System.out.println("status " + status);
        System.out.println("fds " + KernelFds.ofSelf());
        System.out.flush();
        System.exit(status);
    }
}
