"""The traced programs of the per-event overhead rows, each jstap script beside its
bpftrace twin.  All probe the same tracepoint, the entry of close(), which the workload
calls on descriptors past the table (EBADF): it costs about what getppid() does but has
an argument, fd, for the stats row."""

TRACEPOINT = "syscalls:sys_enter_close"
_BT = "tracepoint:" + TRACEPOINT
_JS = 'kernel.trace("%s")' % TRACEPOINT

# The printf rows' line; the first word is the workload's name, so its lines can be told
# from those of other processes closing files meanwhile.
WORKLOAD_COMM = "bench-workload"


class Row:
    """One measured program.

    key: stable id in the JSON; tracer: 'none', 'floor', 'bpftrace' or 'jstap';
    script: program text (for floor, the tracepoint); twin: the bpftrace row key a jstap
    row is compared with; to_file: output goes to a file (-o) and is counted."""

    def __init__(self, key, tracer, label, script, twin=None, to_file=False):
        self.key = key
        self.tracer = tracer
        self.label = label
        self.script = script
        self.twin = twin
        self.to_file = to_file


UNTRACED = Row("untraced", "none", "untraced loop", "")
FLOOR = Row("floor", "floor", "empty BPF program (attach-only floor)", TRACEPOINT)

BPFTRACE_ROWS = [
    Row("bt.empty", "bpftrace", "empty probe", _BT + " { }"),
    Row("bt.counter", "bpftrace", "global counter", _BT + " { @c = count(); }"),
    Row("bt.comm", "bpftrace", "@[comm] = count()", _BT + " { @c[comm] = count(); }"),
    Row("bt.pid", "bpftrace", "@[pid] = count()", _BT + " { @c[pid] = count(); }"),
    Row("bt.stats", "bpftrace", "@s = stats(fd)", _BT + " { @s = stats(args->fd); }"),
    Row("bt.printf", "bpftrace", "printf per event to a file",
        _BT + ' { printf("%s %d %d\\n", comm, pid, args->fd); }', to_file=True),
]

JSTAP_ROWS = [
    Row("js.empty", "jstap", "empty probe", "probe %s { }" % _JS, twin="bt.empty"),
    Row("js.empty_alias", "jstap", "empty probe, syscall.close alias", "probe syscall.close { }",
        twin="bt.empty"),
    Row("js.counter", "jstap", "global counter c++", "global c; probe %s { c++ }" % _JS,
        twin="bt.counter"),
    Row("js.execname", "jstap", "c[execname()]++", "global c; probe %s { c[execname()]++ }" % _JS,
        twin="bt.comm"),
    Row("js.pid", "jstap", "c[pid()]++", "global c; probe %s { c[pid()]++ }" % _JS, twin="bt.pid"),
    Row("js.stats", "jstap", "s <<< $fd", "global s; probe %s { s <<< $fd }" % _JS, twin="bt.stats"),
    Row("js.printf", "jstap", "printf per event to a file",
        'probe %s { printf("%%s %%d %%d\\n", execname(), pid(), $fd) }' % _JS,
        twin="bt.printf", to_file=True),
]


def round_order():
    """One round: untraced first and last (their mean is the round's baseline), the floor,
    then each bpftrace program next to its jstap twin(s) so drift hits both alike."""
    order = [UNTRACED, FLOOR]
    for bt in BPFTRACE_ROWS:
        order.append(bt)
        order.extend(js for js in JSTAP_ROWS if js.twin == bt.key)
    order.append(UNTRACED)
    return order


def all_rows():
    return [UNTRACED, FLOOR] + BPFTRACE_ROWS + JSTAP_ROWS
