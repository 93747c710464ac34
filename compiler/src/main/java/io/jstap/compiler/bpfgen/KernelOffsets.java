package io.jstap.compiler.bpfgen;

/**
 * Byte offsets of the kernel structure fields the context builtins read with probe_read_kernel. The
 * runtime derives them from the kernel's BTF ({@code /sys/kernel/btf/vmlinux}); {@link #DEFAULT} holds the
 * values of the 6.18 kernel the project is developed on.
 *
 * @param taskPid        task_struct.pid (s32)
 * @param taskTgid       task_struct.tgid (s32)
 * @param taskRealParent task_struct.real_parent (pointer)
 * @param taskCred       task_struct.cred (pointer)
 * @param taskComm       task_struct.comm (char[16])
 * @param credEuid       cred.euid (u32)
 * @param credEgid       cred.egid (u32)
 */
public record KernelOffsets(int taskPid, int taskTgid, int taskRealParent, int taskCred, int taskComm,
                            int credEuid, int credEgid) {

    public static final KernelOffsets DEFAULT = new KernelOffsets(1264, 1268, 1280, 1736, 1752, 24, 28);

    public KernelOffsets {
        for (int off : new int[] {taskPid, taskTgid, taskRealParent, taskCred, taskComm, credEuid, credEgid}) {
            if (off < 0) {
                throw new IllegalArgumentException("negative kernel structure offset " + off);
            }
        }
    }
}
