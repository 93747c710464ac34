package io.jstap.compiler.module;

/** Where a kernel probe's program is attached. The runtime turns each into perf events or links. */
public sealed interface Attach {

    /** How the point is named in messages, listings and the -p3 module print. */
    String describe();

    /** A tracefs tracepoint through perf_event_open (program type TRACEPOINT). */
    record Tracepoint(String category, String event) implements Attach {
        @Override
        public String describe() {
            return "tracepoint " + category + ":" + event;
        }
    }

    /** A raw tracepoint such as {@code sys_enter} (program type RAW_TRACEPOINT). */
    record RawTracepoint(String name) implements Attach {
        @Override
        public String describe() {
            return "raw tracepoint " + name;
        }
    }

    /**
     * A uprobe or uretprobe at a file offset of an ELF file; {@code pid} 0 means every process.
     * {@code semaphoreOffset} is the file offset of a USDT semaphore the kernel counts up while the probe is
     * attached (0 for none).
     */
    record Uprobe(String path, String symbol, long fileOffset, boolean ret, int pid, long semaphoreOffset)
            implements Attach {
        public Uprobe(String path, String symbol, long fileOffset, boolean ret, int pid) {
            this(path, symbol, fileOffset, ret, pid, 0);
        }

        @Override
        public String describe() {
            String off = "0x" + Long.toHexString(fileOffset);
            String at = symbol == null ? off : fileOffset > 0 ? symbol + "+" + off : symbol;
            return (ret ? "uretprobe " : "uprobe ") + path + ":" + at + (pid > 0 ? " pid " + pid : "");
        }
    }

    /** A kprobe or kretprobe on a kernel function, where the kernel has a kprobe PMU. */
    record Kprobe(String function, boolean ret) implements Attach {
        @Override
        public String describe() {
            return (ret ? "kretprobe " : "kprobe ") + function;
        }
    }

    /**
     * A perf event on every online CPU (program type PERF_EVENT): {@code type}/{@code config} as
     * perf_event_open takes them, {@code period} events or ns, or a frequency in Hz when {@code freq}.
     * {@code pid} -1 for system-wide.
     */
    record PerfEvent(int type, long config, long period, boolean freq, int pid) implements Attach {
        @Override
        public String describe() {
            return "perf event type " + type + " config " + config + (freq ? " at " + period + " Hz"
                    : " every " + period) + (pid >= 0 ? " pid " + pid : "");
        }
    }
}
