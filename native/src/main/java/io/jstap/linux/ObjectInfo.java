package io.jstap.linux;

/** What OBJ_GET_INFO_BY_FD reports for programs, maps and links. */
public final class ObjectInfo {

    private ObjectInfo() {
    }

    /** bpf_prog_info. The tag is printed as bpftool does (its 8 bytes in order, in hex). */
    public record Prog(int type, int id, String tag, int jitedLen, int xlatedLen, long loadTimeNs, int createdByUid,
            int mapIdCount, String name, long runTimeNs, long runCount, int verifiedInsns) {
    }

    /** bpf_map_info. */
    public record Map(int type, int id, int keySize, int valueSize, int maxEntries, int flags, String name) {
    }

    /** bpf_link_info's common head. Link type 7 is PERF_EVENT, 1 RAW_TRACEPOINT. */
    public record Link(int type, int id, int progId) {
    }
}
