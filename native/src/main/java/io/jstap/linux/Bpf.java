package io.jstap.linux;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * bpf(2) commands as typed methods over a {@link Sys}. Offsets are those of {@code union bpf_attr}
 * on x86_64; every attr is zeroed first because the kernel rejects stray bytes after the last field.
 */
public final class Bpf {

    /** Bytes of bpf_attr passed with every command: the 6.1 header's union size. */
    public static final int ATTR_SIZE = 144;
    /** map_update flags. */
    public static final long ANY = 0, NOEXIST = 1, EXIST = 2;
    /** LINK_CREATE attach type for perf events (tracepoint, uprobe, kprobe, software event). */
    public static final int ATTACH_PERF_EVENT = 41;

    private final Sys sys;
    // Element commands are the hot path (map polling): one zeroed attr per thread, not one per call.
    private final ThreadLocal<Memory> elemAttr = ThreadLocal.withInitial(() -> new Memory(ATTR_SIZE));

    public Bpf(Sys sys) {
        this.sys = sys;
    }

    public static Bpf linux() {
        return new Bpf(LinuxSys.get());
    }

    public Sys sys() {
        return sys;
    }

    static Memory attr(int size) {
        Memory m = new Memory(size);
        m.clear();
        return m;
    }

    private long call(BpfCommand cmd, Memory attr) {
        return sys.bpf(cmd.number(), attr, (int) attr.size());
    }

    // ---- maps

    /** MAP_CREATE; returns the map fd. */
    public int createMap(MapSpec spec) {
        Memory a = attr(ATTR_SIZE);
        a.setInt(0, spec.type().id());
        a.setInt(4, spec.keySize());
        a.setInt(8, spec.valueSize());
        a.setInt(12, spec.maxEntries());
        a.setInt(16, spec.flags());
        putName(a, 28, spec.name());
        long r = call(BpfCommand.MAP_CREATE, a);
        if (r < 0) {
            throw BpfErrors.map(BpfCommand.MAP_CREATE, (int) -r, spec);
        }
        return (int) r;
    }

    private long elem(BpfCommand cmd, int fd, Pointer key, Pointer value, long flags) {
        Memory a = elemAttr.get();
        a.clear();
        a.setInt(0, fd);
        a.setPointer(8, key);
        a.setPointer(16, value);
        a.setLong(24, flags);
        return sys.bpf(cmd.number(), a, 32);
    }

    private BpfException elemError(BpfCommand cmd, int fd, long r) {
        return BpfErrors.other(cmd, (int) -r, cmd + " on map fd " + fd);
    }

    /** MAP_LOOKUP_ELEM into {@code value}; false when the key is absent. */
    public boolean lookup(int fd, Pointer key, Pointer value) {
        long r = elem(BpfCommand.MAP_LOOKUP_ELEM, fd, key, value, 0);
        if (r == -Errno.ENOENT) {
            return false;
        }
        if (r < 0) {
            throw elemError(BpfCommand.MAP_LOOKUP_ELEM, fd, r);
        }
        return true;
    }

    /** MAP_UPDATE_ELEM with {@link #ANY}, {@link #NOEXIST} or {@link #EXIST}. */
    public void update(int fd, Pointer key, Pointer value, long flags) {
        long r = elem(BpfCommand.MAP_UPDATE_ELEM, fd, key, value, flags);
        if (r < 0) {
            throw elemError(BpfCommand.MAP_UPDATE_ELEM, fd, r);
        }
    }

    /** MAP_DELETE_ELEM; false when the key was absent. */
    public boolean delete(int fd, Pointer key) {
        long r = elem(BpfCommand.MAP_DELETE_ELEM, fd, key, null, 0);
        if (r == -Errno.ENOENT) {
            return false;
        }
        if (r < 0) {
            throw elemError(BpfCommand.MAP_DELETE_ELEM, fd, r);
        }
        return true;
    }

    /** MAP_GET_NEXT_KEY; {@code key == null} asks for the first key. False at the end of the walk. */
    public boolean nextKey(int fd, Pointer key, Pointer next) {
        long r = elem(BpfCommand.MAP_GET_NEXT_KEY, fd, key, next, 0);
        if (r == -Errno.ENOENT) {
            return false;
        }
        if (r < 0) {
            throw elemError(BpfCommand.MAP_GET_NEXT_KEY, fd, r);
        }
        return true;
    }

    /** MAP_LOOKUP_AND_DELETE_ELEM (for queues and stacks key is null); false when nothing was there. */
    public boolean lookupAndDelete(int fd, Pointer key, Pointer value) {
        long r = elem(BpfCommand.MAP_LOOKUP_AND_DELETE_ELEM, fd, key, value, 0);
        if (r == -Errno.ENOENT) {
            return false;
        }
        if (r < 0) {
            throw elemError(BpfCommand.MAP_LOOKUP_AND_DELETE_ELEM, fd, r);
        }
        return true;
    }

    /** One MAP_LOOKUP_BATCH step: {@code count} elements were written; {@code done} when the map is exhausted. */
    public record Batch(int count, boolean done) {
    }

    /**
     * MAP_LOOKUP_BATCH. Pass {@code inBatch == null} first, then the previous {@code outBatch}
     * (sized max(key size, 8)). The last step reports {@code done} and may still carry elements.
     */
    public Batch lookupBatch(int fd, Pointer inBatch, Pointer outBatch, Pointer keys, Pointer values, int capacity) {
        Memory a = attr(ATTR_SIZE);
        a.setPointer(0, inBatch);
        a.setPointer(8, outBatch);
        a.setPointer(16, keys);
        a.setPointer(24, values);
        a.setInt(32, capacity);
        a.setInt(36, fd);
        long r = call(BpfCommand.MAP_LOOKUP_BATCH, a);
        int count = a.getInt(32);
        if (r == -Errno.ENOENT) {
            return new Batch(count, true);
        }
        if (r < 0) {
            throw BpfErrors.other(BpfCommand.MAP_LOOKUP_BATCH, (int) -r, "batch lookup on map fd " + fd);
        }
        return new Batch(count, false);
    }

    /** MAP_FREEZE: user space can no longer write the map (needed for read-only program strings). */
    public void freeze(int fd) {
        Memory a = attr(ATTR_SIZE);
        a.setInt(0, fd);
        long r = call(BpfCommand.MAP_FREEZE, a);
        if (r < 0) {
            throw BpfErrors.other(BpfCommand.MAP_FREEZE, (int) -r, "freezing map fd " + fd);
        }
    }

    // ---- programs

    /** A loaded program: its fd and the verifier log (empty unless {@link ProgramLoad#logLevel()} > 0). */
    public record Loaded(int fd, String verifierLog) {
    }

    /**
     * PROG_LOAD. Loads with logging off (verification is several times faster); when the kernel refuses,
     * loads again with log_level 1 to capture why and throws a {@link BpfException} carrying the log and
     * the first attempt's errno (a short log buffer would report ENOSPC instead).
     */
    public Loaded loadProgram(ProgramLoad load) {
        return new ProgramLoader(sys).load(load);
    }

    static String readLog(Memory log) {
        return log.getString(0, StandardCharsets.UTF_8.name()).strip();
    }

    /** BTF_LOAD of a raw BTF blob; returns the BTF fd. */
    public int loadBtf(byte[] blob) {
        Memory b = new Memory(blob.length);
        b.write(0, blob, 0, blob.length);
        Memory log = new Memory(64 * 1024);
        log.setByte(0, (byte) 0);
        Memory a = attr(ATTR_SIZE);
        a.setPointer(0, b);
        a.setPointer(8, log);
        a.setInt(16, blob.length);
        a.setInt(20, (int) log.size());
        a.setInt(24, 1);
        long r = call(BpfCommand.BTF_LOAD, a);
        Reference.reachabilityFence(b);
        if (r < 0) {
            throw new BpfException(BpfCommand.BTF_LOAD, (int) -r,
                    "the kernel refused the BTF type information: " + readLog(log), readLog(log));
        }
        return (int) r;
    }

    // ---- attachment

    /** LINK_CREATE of a program on a target fd (a perf event fd for {@link #ATTACH_PERF_EVENT}). */
    public int createLink(int progFd, int targetFd, int attachType, long cookie) {
        Memory a = attr(ATTR_SIZE);
        a.setInt(0, progFd);
        a.setInt(4, targetFd);
        a.setInt(8, attachType);
        a.setLong(16, cookie);
        long r = call(BpfCommand.LINK_CREATE, a);
        if (r < 0) {
            throw BpfErrors.other(BpfCommand.LINK_CREATE, (int) -r, "linking program fd " + progFd
                    + " to fd " + targetFd);
        }
        return (int) r;
    }

    /** RAW_TRACEPOINT_OPEN (e.g. {@code "sys_enter"}); returns an fd whose closing detaches. */
    public int openRawTracepoint(String name, int progFd) {
        Memory n = LinuxSys.cString(name);
        Memory a = attr(ATTR_SIZE);
        a.setPointer(0, n);
        a.setInt(8, progFd);
        long r = call(BpfCommand.RAW_TRACEPOINT_OPEN, a);
        Reference.reachabilityFence(n);
        if (r < 0) {
            throw BpfErrors.other(BpfCommand.RAW_TRACEPOINT_OPEN, (int) -r, "attaching to raw tracepoint '"
                    + name + "'");
        }
        return (int) r;
    }

    // ---- ids and info

    public OptionalInt nextProgId(int after) {
        return nextId(BpfCommand.PROG_GET_NEXT_ID, after);
    }

    public OptionalInt nextMapId(int after) {
        return nextId(BpfCommand.MAP_GET_NEXT_ID, after);
    }

    public OptionalInt nextLinkId(int after) {
        return nextId(BpfCommand.LINK_GET_NEXT_ID, after);
    }

    private OptionalInt nextId(BpfCommand cmd, int after) {
        Memory a = attr(ATTR_SIZE);
        a.setInt(0, after);
        long r = call(cmd, a);
        if (r == -Errno.ENOENT) {
            return OptionalInt.empty();
        }
        if (r < 0) {
            throw BpfErrors.other(cmd, (int) -r, "listing ids after " + after);
        }
        return OptionalInt.of(a.getInt(4));
    }

    /** PROG_GET_FD_BY_ID; a {@link BpfException} with ENOENT when no such program exists. */
    public int progFdById(int id) {
        return fdById(BpfCommand.PROG_GET_FD_BY_ID, id, "BPF program id " + id);
    }

    public int mapFdById(int id) {
        return fdById(BpfCommand.MAP_GET_FD_BY_ID, id, "BPF map id " + id);
    }

    public int linkFdById(int id) {
        return fdById(BpfCommand.LINK_GET_FD_BY_ID, id, "BPF link id " + id);
    }

    private int fdById(BpfCommand cmd, int id, String subject) {
        Memory a = attr(ATTR_SIZE);
        a.setInt(0, id);
        long r = call(cmd, a);
        if (r < 0) {
            throw BpfErrors.other(cmd, (int) -r, subject);
        }
        return (int) r;
    }

    private Memory info(int fd, int size) {
        Memory info = attr(size);
        Memory a = attr(ATTR_SIZE);
        a.setInt(0, fd);
        a.setInt(4, size);
        a.setPointer(8, info);
        long r = call(BpfCommand.OBJ_GET_INFO_BY_FD, a);
        if (r < 0) {
            throw BpfErrors.other(BpfCommand.OBJ_GET_INFO_BY_FD, (int) -r, "reading info of fd " + fd);
        }
        return info;
    }

    public ObjectInfo.Prog progInfo(int fd) {
        Memory m = info(fd, 232);
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            tag.append(String.format("%02x", m.getByte(8 + i) & 0xff));
        }
        return new ObjectInfo.Prog(m.getInt(0), m.getInt(4), tag.toString(), m.getInt(16), m.getInt(20),
                m.getLong(40), m.getInt(48), m.getInt(52), cName(m, 64), m.getLong(192), m.getLong(200),
                m.getInt(216));
    }

    public ObjectInfo.Map mapInfo(int fd) {
        Memory m = info(fd, 88);
        return new ObjectInfo.Map(m.getInt(0), m.getInt(4), m.getInt(8), m.getInt(12), m.getInt(16),
                m.getInt(20), cName(m, 24));
    }

    public ObjectInfo.Link linkInfo(int fd) {
        Memory m = info(fd, 64);
        return new ObjectInfo.Link(m.getInt(0), m.getInt(4), m.getInt(8));
    }

    /** Closes any fd this layer handed out. */
    public void close(int fd) {
        sys.close(fd);
    }

    static void putName(Memory a, int off, String name) {
        byte[] b = name.getBytes(StandardCharsets.US_ASCII);
        a.write(off, b, 0, Math.min(b.length, ObjectName.MAX));
    }

    private static String cName(Memory m, int off) {
        byte[] b = m.getByteArray(off, 16);
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }
}
