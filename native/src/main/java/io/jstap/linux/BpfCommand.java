package io.jstap.linux;

/** bpf(2) commands ({@code enum bpf_cmd}) that this loader issues. */
public enum BpfCommand {
    MAP_CREATE(0), MAP_LOOKUP_ELEM(1), MAP_UPDATE_ELEM(2), MAP_DELETE_ELEM(3), MAP_GET_NEXT_KEY(4),
    PROG_LOAD(5), PROG_GET_NEXT_ID(11), MAP_GET_NEXT_ID(12), PROG_GET_FD_BY_ID(13), MAP_GET_FD_BY_ID(14),
    OBJ_GET_INFO_BY_FD(15), RAW_TRACEPOINT_OPEN(17), BTF_LOAD(18), MAP_LOOKUP_AND_DELETE_ELEM(21),
    MAP_FREEZE(22), MAP_LOOKUP_BATCH(24), LINK_CREATE(28), LINK_GET_FD_BY_ID(30), LINK_GET_NEXT_ID(31),
    LINK_DETACH(34);

    private final int number;

    BpfCommand(int number) {
        this.number = number;
    }

    /** The cmd argument of bpf(2). */
    public int number() {
        return number;
    }
}
