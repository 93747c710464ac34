package io.jstap.linux;

import com.sun.jna.Memory;
import java.lang.ref.Reference;

/** PROG_LOAD with the verifier log fetched only when the kernel refuses the program. */
final class ProgramLoader {

    private static final int LOG_FIRST = 1 << 20, LOG_MAX = 16 << 20;

    private final Sys sys;

    ProgramLoader(Sys sys) {
        this.sys = sys;
    }

    /** See {@link Bpf#loadProgram}. */
    Bpf.Loaded load(ProgramLoad load) {
        Memory insns = new Memory(load.insns().length);
        insns.write(0, load.insns(), 0, load.insns().length);
        Memory license = LinuxSys.cString(load.license());
        Memory funcInfo = null;
        if (load.funcInfo() != null && load.funcInfo().length > 0) {
            funcInfo = new Memory(load.funcInfo().length);
            funcInfo.write(0, load.funcInfo(), 0, load.funcInfo().length);
        }
        try {
            int logSize = load.logLevel() > 0 ? LOG_FIRST : 0;
            while (true) {
                Memory log = logSize > 0 ? new Memory(logSize) : null;
                long r = progLoad(load, insns, license, funcInfo, load.logLevel(), log);
                if (r >= 0) {
                    return new Bpf.Loaded((int) r, log == null ? "" : Bpf.readLog(log));
                }
                if (r == -Errno.ENOSPC && log != null && logSize < LOG_MAX) {
                    logSize = LOG_MAX;
                    continue;
                }
                if (r == -Errno.EPERM || log != null) {
                    throw BpfErrors.load((int) -r, load, log == null ? "" : Bpf.readLog(log));
                }
                throw BpfErrors.load((int) -r, load, failureLog(load, insns, license, funcInfo));
            }
        } finally {
            Reference.reachabilityFence(insns);
            Reference.reachabilityFence(license);
            Reference.reachabilityFence(funcInfo);
        }
    }

    private String failureLog(ProgramLoad load, Memory insns, Memory license, Memory funcInfo) {
        for (int size = LOG_FIRST; ; size = LOG_MAX) {
            Memory log = new Memory(size);
            long r = progLoad(load, insns, license, funcInfo, 1, log);
            if (r >= 0) { // accepted the second time: nothing to explain, do not leak the fd
                sys.close((int) r);
                return "";
            }
            if (r != -Errno.ENOSPC || size == LOG_MAX) {
                return Bpf.readLog(log);
            }
        }
    }

    private long progLoad(ProgramLoad load, Memory insns, Memory license, Memory funcInfo, int level, Memory log) {
        Memory a = Bpf.attr(Bpf.ATTR_SIZE);
        a.setInt(0, load.type().id());
        a.setInt(4, load.insnCount());
        a.setPointer(8, insns);
        a.setPointer(16, license);
        if (log != null) {
            log.setByte(0, (byte) 0);
            a.setInt(24, level);
            a.setInt(28, (int) log.size());
            a.setPointer(32, log);
        }
        a.setInt(44, load.flags());
        Bpf.putName(a, 48, load.name());
        a.setInt(68, load.expectedAttachType());
        if (funcInfo != null) {
            a.setInt(72, load.btfFd());
            a.setInt(76, 8);
            a.setPointer(80, funcInfo);
            a.setInt(88, (int) (funcInfo.size() / 8));
        }
        long r = sys.bpf(BpfCommand.PROG_LOAD.number(), a, Bpf.ATTR_SIZE);
        Reference.reachabilityFence(log);
        return r;
    }
}
