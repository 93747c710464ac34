package io.jstap.linux;

/**
 * What PROG_LOAD needs: raw instruction bytes (8 per slot, map fds already patched in), the type, a
 * name and a license. BTF fields are needed only for programs with callbacks (bpf_loop).
 *
 * @param logLevel 0 to keep the verifier silent on success (fast; the log is fetched only on failure),
 *     1 or more to keep the log of a successful load too
 */
public record ProgramLoad(ProgType type, String name, byte[] insns, String license, int expectedAttachType,
        int flags, int btfFd, byte[] funcInfo, int logLevel) {

    public ProgramLoad {
        name = ObjectName.sanitize(name);
        if (insns.length == 0 || insns.length % 8 != 0) {
            throw new IllegalArgumentException("program " + name + ": " + insns.length
                    + " bytes is not a whole number of 8-byte instructions");
        }
        if (funcInfo != null && funcInfo.length % 8 != 0) {
            throw new IllegalArgumentException("func_info must be 8-byte records");
        }
    }

    public ProgramLoad(ProgType type, String name, byte[] insns, String license) {
        this(type, name, insns, license, 0, 0, 0, null, 0);
    }

    /** Instruction slots, as insn_cnt counts them. */
    public int insnCount() {
        return insns.length / 8;
    }

    public ProgramLoad withBtf(int newBtfFd, byte[] newFuncInfo) {
        return new ProgramLoad(type, name, insns, license, expectedAttachType, flags, newBtfFd, newFuncInfo,
                logLevel);
    }

    public ProgramLoad withLogLevel(int level) {
        return new ProgramLoad(type, name, insns, license, expectedAttachType, flags, btfFd, funcInfo, level);
    }

    public ProgramLoad withExpectedAttachType(int attachType) {
        return new ProgramLoad(type, name, insns, license, attachType, flags, btfFd, funcInfo, logLevel);
    }
}
