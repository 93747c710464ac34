package io.jstap.runtime.catalog;

import io.jstap.compiler.probe.TaskLayout;
import io.jstap.linux.Btf;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;

/** The running kernel's {@link TaskLayout}, from {@code /sys/kernel/btf/vmlinux}; empty without BTF. */
final class KernelLayout {
    private KernelLayout() {
    }

    static Optional<TaskLayout> read() {
        Btf btf;
        try {
            btf = Btf.vmlinux();
        } catch (IOException e) {
            return Optional.empty();
        }
        return of(btf);
    }

    static Optional<TaskLayout> of(Btf btf) {
        int[] offsets = new int[TaskLayout.MEMBERS.length];
        for (int i = 0; i < offsets.length; i++) {
            OptionalInt off = btf.memberOffset(TaskLayout.MEMBERS[i][0], TaskLayout.MEMBERS[i][1]);
            if (off.isEmpty()) {
                return Optional.empty();
            }
            offsets[i] = off.getAsInt();
        }
        return Optional.of(TaskLayout.of(offsets));
    }
}
