package io.jstap.compiler.sema;

import io.jstap.compiler.probe.FixedProbeCatalog;
import io.jstap.compiler.probe.KernelFeature;
import io.jstap.compiler.probe.TracepointFormat;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A probe catalog for tests: syscall and scheduler tracepoints with the formats of a real 6.x x86_64 kernel
 * (copied from /sys/kernel/tracing/events), a fake /bin/bash with function symbols and USDT probes, and the
 * features of a kernel without kprobes (or with them, for {@link #withKprobes()}).
 */
public final class TestCatalog {
    private static final Pattern FIELD = Pattern.compile(
            "field:(.*?)\\s*;\\s*offset:(\\d+);\\s*size:(\\d+);\\s*signed:(\\d);");

    static final String FORMATS = """
            name: syscalls:sys_enter_read
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:int __syscall_nr;	offset:8;	size:4;	signed:1;
            field:unsigned int fd;	offset:16;	size:8;	signed:0;
            field:char * buf;	offset:24;	size:8;	signed:0;
            field:size_t count;	offset:32;	size:8;	signed:0;
            name: syscalls:sys_exit_read
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:int __syscall_nr;	offset:8;	size:4;	signed:1;
            field:long ret;	offset:16;	size:8;	signed:1;
            name: syscalls:sys_enter_write
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:int __syscall_nr;	offset:8;	size:4;	signed:1;
            field:unsigned int fd;	offset:16;	size:8;	signed:0;
            field:const char * buf;	offset:24;	size:8;	signed:0;
            field:size_t count;	offset:32;	size:8;	signed:0;
            name: syscalls:sys_exit_write
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:int __syscall_nr;	offset:8;	size:4;	signed:1;
            field:long ret;	offset:16;	size:8;	signed:1;
            name: syscalls:sys_enter_openat
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:int __syscall_nr;	offset:8;	size:4;	signed:1;
            field:int dfd;	offset:16;	size:8;	signed:0;
            field:const char * filename;	offset:24;	size:8;	signed:0;
            field:int flags;	offset:32;	size:8;	signed:0;
            field:umode_t mode;	offset:40;	size:8;	signed:0;
            name: syscalls:sys_exit_openat
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:int __syscall_nr;	offset:8;	size:4;	signed:1;
            field:long ret;	offset:16;	size:8;	signed:1;
            name: syscalls:sys_enter_close
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:int __syscall_nr;	offset:8;	size:4;	signed:1;
            field:unsigned int fd;	offset:16;	size:8;	signed:0;
            name: syscalls:sys_exit_close
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:int __syscall_nr;	offset:8;	size:4;	signed:1;
            field:long ret;	offset:16;	size:8;	signed:1;
            name: syscalls:sys_enter_getppid
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:int __syscall_nr;	offset:8;	size:4;	signed:1;
            name: syscalls:sys_exit_getppid
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:int __syscall_nr;	offset:8;	size:4;	signed:1;
            field:long ret;	offset:16;	size:8;	signed:1;
            name: syscalls:sys_enter_execve
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:int __syscall_nr;	offset:8;	size:4;	signed:1;
            field:const char * filename;	offset:16;	size:8;	signed:0;
            field:const char *const * argv;	offset:24;	size:8;	signed:0;
            field:const char *const * envp;	offset:32;	size:8;	signed:0;
            name: syscalls:sys_exit_execve
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:int __syscall_nr;	offset:8;	size:4;	signed:1;
            field:long ret;	offset:16;	size:8;	signed:1;
            name: syscalls:sys_enter_pread64
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:int __syscall_nr;	offset:8;	size:4;	signed:1;
            field:unsigned int fd;	offset:16;	size:8;	signed:0;
            field:char * buf;	offset:24;	size:8;	signed:0;
            field:size_t count;	offset:32;	size:8;	signed:0;
            field:loff_t pos;	offset:40;	size:8;	signed:0;
            name: syscalls:sys_exit_pread64
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:int __syscall_nr;	offset:8;	size:4;	signed:1;
            field:long ret;	offset:16;	size:8;	signed:1;
            name: syscalls:sys_enter_newfstat
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:int __syscall_nr;	offset:8;	size:4;	signed:1;
            field:unsigned int fd;	offset:16;	size:8;	signed:0;
            field:struct stat * statbuf;	offset:24;	size:8;	signed:0;
            name: syscalls:sys_exit_newfstat
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:int __syscall_nr;	offset:8;	size:4;	signed:1;
            field:long ret;	offset:16;	size:8;	signed:1;
            name: syscalls:sys_enter_exit_group
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:int __syscall_nr;	offset:8;	size:4;	signed:1;
            field:int error_code;	offset:16;	size:8;	signed:0;
            name: syscalls:sys_exit_exit_group
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:int __syscall_nr;	offset:8;	size:4;	signed:1;
            field:long ret;	offset:16;	size:8;	signed:1;
            name: syscalls:sys_enter_open
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:int __syscall_nr;	offset:8;	size:4;	signed:1;
            field:const char * filename;	offset:16;	size:8;	signed:0;
            field:int flags;	offset:24;	size:8;	signed:0;
            field:umode_t mode;	offset:32;	size:8;	signed:0;
            name: syscalls:sys_exit_open
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:int __syscall_nr;	offset:8;	size:4;	signed:1;
            field:long ret;	offset:16;	size:8;	signed:1;
            name: syscalls:sys_enter_getxattr
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:int __syscall_nr;	offset:8;	size:4;	signed:1;
            field:const char * pathname;	offset:16;	size:8;	signed:0;
            field:const char * name;	offset:24;	size:8;	signed:0;
            field:void * value;	offset:32;	size:8;	signed:0;
            field:size_t size;	offset:40;	size:8;	signed:0;
            name: syscalls:sys_exit_getxattr
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:int __syscall_nr;	offset:8;	size:4;	signed:1;
            field:long ret;	offset:16;	size:8;	signed:1;
            name: sched:sched_switch
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:char prev_comm[16];	offset:8;	size:16;	signed:0;
            field:pid_t prev_pid;	offset:24;	size:4;	signed:1;
            field:int prev_prio;	offset:28;	size:4;	signed:1;
            field:long prev_state;	offset:32;	size:8;	signed:1;
            field:char next_comm[16];	offset:40;	size:16;	signed:0;
            field:pid_t next_pid;	offset:56;	size:4;	signed:1;
            field:int next_prio;	offset:60;	size:4;	signed:1;
            name: sched:sched_process_exec
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:__data_loc char[] filename;	offset:8;	size:4;	signed:0;
            field:pid_t pid;	offset:12;	size:4;	signed:1;
            field:pid_t old_pid;	offset:16;	size:4;	signed:1;
            name: sched:sched_process_exit
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:char comm[16];	offset:8;	size:16;	signed:0;
            field:pid_t pid;	offset:24;	size:4;	signed:1;
            field:int prio;	offset:28;	size:4;	signed:1;
            field:bool group_dead;	offset:32;	size:1;	signed:0;
            name: sched:sched_wakeup
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:char comm[16];	offset:8;	size:16;	signed:0;
            field:pid_t pid;	offset:24;	size:4;	signed:1;
            field:int prio;	offset:28;	size:4;	signed:1;
            field:int target_cpu;	offset:32;	size:4;	signed:1;
            name: sched:sched_process_fork
            field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
            field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
            field:int common_pid;	offset:4;	size:4;	signed:1;
            field:__data_loc char[] parent_comm;	offset:8;	size:4;	signed:0;
            field:pid_t parent_pid;	offset:12;	size:4;	signed:1;
            field:__data_loc char[] child_comm;	offset:16;	size:4;	signed:0;
            field:pid_t child_pid;	offset:20;	size:4;	signed:1;
            """;

    private TestCatalog() {
    }

    /** Tracepoints, uprobes, perf software events and ring buffers; no kprobes, no hardware PMU. */
    public static FixedProbeCatalog create() {
        return build(EnumSet.of(KernelFeature.TRACEPOINT, KernelFeature.RAW_TRACEPOINT, KernelFeature.UPROBE,
                KernelFeature.PERF_SOFTWARE, KernelFeature.RINGBUF));
    }

    /** As {@link #create()}, on a kernel that also has kprobes and a hardware PMU. */
    public static FixedProbeCatalog withKprobes() {
        return build(EnumSet.of(KernelFeature.TRACEPOINT, KernelFeature.RAW_TRACEPOINT, KernelFeature.UPROBE,
                KernelFeature.PERF_SOFTWARE, KernelFeature.PERF_HARDWARE, KernelFeature.RINGBUF, KernelFeature.KPROBE));
    }

    private static FixedProbeCatalog build(Set<KernelFeature> features) {
        FixedProbeCatalog c = new FixedProbeCatalog(features, "6.18.0-test") {
            @Override
            public List<String> usdtProbes(String binaryPath) {
                return binaryPath.equals("/bin/bash") ? List.of("bash:readline_start", "bash:command_done") : List.of();
            }
        };
        for (TracepointFormat f : parse(FORMATS)) {
            c.addTracepoint(f);
        }
        c.addBinary("/bin/bash", List.of("execute_command", "main", "readline", "shell_execve", "xfree", "xmalloc"));
        c.addBinary("/usr/lib/libc.so.6", List.of("free", "malloc", "open", "read", "write"));
        return c;
    }

    /** Reads "name: category:event" headers followed by tracefs field lines. */
    static List<TracepointFormat> parse(String text) {
        List<TracepointFormat> out = new ArrayList<>();
        String cat = null;
        String event = null;
        List<TracepointFormat.Field> fields = new ArrayList<>();
        for (String line : text.strip().split("\\n")) {
            line = line.strip();
            if (line.startsWith("name: ")) {
                if (cat != null) {
                    out.add(new TracepointFormat(cat, event, fields));
                }
                String[] ce = line.substring(6).split(":");
                cat = ce[0];
                event = ce[1];
                fields = new ArrayList<>();
                continue;
            }
            Matcher m = FIELD.matcher(line);
            if (!m.find()) {
                throw new IllegalArgumentException(line);
            }
            String decl = m.group(1).strip();
            String type;
            String name;
            int bracket = decl.lastIndexOf('[');
            if (decl.startsWith("__data_loc")) {
                int sp = decl.lastIndexOf(' ');
                type = decl.substring(0, sp);
                name = decl.substring(sp + 1);
            } else if (bracket > 0 && decl.endsWith("]")) {
                String head = decl.substring(0, bracket);
                int sp = head.lastIndexOf(' ');
                name = head.substring(sp + 1);
                type = head.substring(0, sp).strip() + decl.substring(bracket);
            } else {
                int sp = decl.lastIndexOf(' ');
                name = decl.substring(sp + 1);
                type = decl.substring(0, sp).strip();
            }
            fields.add(new TracepointFormat.Field(type, name, Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), m.group(4).equals("1")));
        }
        if (cat != null) {
            out.add(new TracepointFormat(cat, event, fields));
        }
        return out;
    }
}
