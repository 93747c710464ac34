package io.jstap.linux;

/** Turns a failed bpf(2) command into a sentence a user can act on. */
final class BpfErrors {

    static final String NEEDS_PRIVILEGE = "loading BPF programs needs root or CAP_BPF and CAP_PERFMON";

    private BpfErrors() {
    }

    static BpfException map(BpfCommand cmd, int errno, MapSpec spec) {
        String what = "map '" + spec.name() + "' (" + spec.type() + ", key " + spec.keySize() + " bytes, value "
                + spec.valueSize() + " bytes, " + spec.maxEntries() + " entries)";
        String s;
        switch (errno) {
            case Errno.EPERM:
                s = NEEDS_PRIVILEGE + "; creating " + what + " was refused";
                break;
            case Errno.ENOMEM:
                s = "not enough kernel memory for " + what + " (locked-memory limit or memory cgroup)";
                break;
            case Errno.EINVAL:
                s = "the kernel refused " + what + " as invalid"
                        + (spec.type() == MapType.RINGBUF ? ": a ring buffer's size must be a power of two and a "
                                + "multiple of the page size" : "");
                break;
            case Errno.E2BIG:
                s = what + " is larger than the kernel allows";
                break;
            default:
                s = "creating " + what + " failed: " + Errno.text(errno);
        }
        return new BpfException(cmd, errno, s, null);
    }

    static BpfException load(int errno, ProgramLoad load, String log) {
        String what = "program '" + load.name() + "' (" + load.type() + ", " + load.insnCount() + " instructions)";
        String reason = new BpfException(BpfCommand.PROG_LOAD, errno, "", log).verifierReason();
        String s;
        switch (errno) {
            case Errno.EPERM:
                s = NEEDS_PRIVILEGE + "; loading " + what + " was refused";
                break;
            case Errno.E2BIG:
                s = "the verifier found " + what + " too large or too complex (its limit is 1,000,000 "
                        + "processed instructions)" + (reason.isEmpty() ? "" : ": " + reason);
                break;
            case Errno.EACCES:
            case Errno.EINVAL:
                s = "the kernel verifier rejected " + what + (reason.isEmpty() ? "" : ": " + reason);
                break;
            case Errno.EBADF:
                s = what + " refers to a map file descriptor that is not open";
                break;
            default:
                s = "loading " + what + " failed: " + Errno.text(errno) + (reason.isEmpty() ? "" : ": " + reason);
        }
        return new BpfException(BpfCommand.PROG_LOAD, errno, s, log);
    }

    static BpfException other(BpfCommand cmd, int errno, String subject) {
        String s;
        if (errno == Errno.EPERM) {
            s = NEEDS_PRIVILEGE + " (" + subject + ")";
        } else if (errno == Errno.ENOENT && cmd.name().endsWith("_BY_ID")) {
            s = subject + " does not exist";
        } else {
            s = subject + " failed: " + Errno.text(errno);
        }
        return new BpfException(cmd, errno, s, null);
    }
}
