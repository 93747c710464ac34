package io.jstap.compiler.probe;

/**
 * Byte offsets of the kernel structure members process probes read from the current task (from the
 * kernel's BTF): its parent and thread-group id for {@code -x}/{@code -c} ancestry, and the path
 * {@code task->mm->exe_file->f_inode} to the inode number and device of the running executable.
 */
public record TaskLayout(int taskRealParent, int taskTgid, int taskMm, int mmExeFile, int fileInode,
                         int inodeIno, int inodeSb, int superBlockDev) {

    /** The members as {@code struct.member} names, in component order (what a catalog looks up). */
    public static final String[][] MEMBERS = {
        {"task_struct", "real_parent"}, {"task_struct", "tgid"}, {"task_struct", "mm"}, {"mm_struct", "exe_file"},
        {"file", "f_inode"}, {"inode", "i_ino"}, {"inode", "i_sb"}, {"super_block", "s_dev"}};

    public TaskLayout {
        for (int off : new int[] {taskRealParent, taskTgid, taskMm, mmExeFile, fileInode, inodeIno, inodeSb,
            superBlockDev}) {
            if (off < 0) {
                throw new IllegalArgumentException("negative kernel structure offset " + off);
            }
        }
    }

    /** Builds the layout from offsets in {@link #MEMBERS} order. */
    public static TaskLayout of(int[] offsets) {
        return new TaskLayout(offsets[0], offsets[1], offsets[2], offsets[3], offsets[4], offsets[5], offsets[6],
                offsets[7]);
    }
}
