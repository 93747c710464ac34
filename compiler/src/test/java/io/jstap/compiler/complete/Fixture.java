package io.jstap.compiler.complete;

import io.jstap.compiler.probe.FixedProbeCatalog;
import io.jstap.compiler.probe.KernelFeature;
import io.jstap.compiler.probe.ProbeCatalog;
import io.jstap.compiler.probe.TracepointFormat;
import io.jstap.compiler.probe.TracepointFormat.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A small machine and session for completion tests: a few tracepoints, binaries, files and commands. */
final class Fixture {

    static final Set<KernelFeature> NO_KPROBES = EnumSet.of(KernelFeature.TRACEPOINT, KernelFeature.UPROBE,
        KernelFeature.PERF_SOFTWARE);

    private Fixture() {
    }

    static List<Field> common() {
        return List.of(new Field("unsigned short", "common_type", 0, 2, false),
            new Field("unsigned char", "common_flags", 2, 1, false),
            new Field("unsigned char", "common_preempt_count", 3, 1, false),
            new Field("int", "common_pid", 4, 4, true));
    }

    static TracepointFormat tp(String category, String event, Field... fields) {
        List<Field> all = new ArrayList<>(common());
        all.addAll(List.of(fields));
        return new TracepointFormat(category, event, all);
    }

    static TracepointFormat sysEnter(String name, Field... args) {
        List<Field> all = new ArrayList<>();
        all.add(new Field("int", "__syscall_nr", 8, 4, true));
        all.addAll(List.of(args));
        return tp("syscalls", "sys_enter_" + name, all.toArray(new Field[0]));
    }

    static FixedProbeCatalog catalog(Set<KernelFeature> features) {
        FixedProbeCatalog c = new FixedProbeCatalog(features, "6.8.0-test");
        c.addTracepoint(tp("sched", "sched_switch",
            new Field("char[16]", "prev_comm", 8, 16, false), new Field("pid_t", "prev_pid", 24, 4, true),
            new Field("int", "prev_prio", 28, 4, true), new Field("long", "prev_state", 32, 8, true),
            new Field("char[16]", "next_comm", 40, 16, false), new Field("pid_t", "next_pid", 56, 4, true)));
        c.addTracepoint(tp("sched", "sched_wakeup", new Field("char[16]", "comm", 8, 16, false)));
        c.addTracepoint(tp("sched", "sched_process_exec",
            new Field("__data_loc char[]", "filename", 8, 4, false), new Field("pid_t", "pid", 12, 4, true)));
        c.addTracepoint(tp("block", "block_rq_issue", new Field("dev_t", "dev", 8, 4, false)));
        c.addTracepoint(sysEnter("openat", new Field("int", "dfd", 16, 8, false),
            new Field("const char *", "filename", 24, 8, false), new Field("int", "flags", 32, 8, false),
            new Field("umode_t", "mode", 40, 8, false)));
        c.addTracepoint(sysEnter("open", new Field("const char *", "filename", 16, 8, false)));
        c.addTracepoint(sysEnter("open_by_handle_at", new Field("int", "mountdirfd", 16, 8, false)));
        c.addTracepoint(sysEnter("read", new Field("unsigned int", "fd", 16, 8, false),
            new Field("char *", "buf", 24, 8, false), new Field("size_t", "count", 32, 8, false)));
        c.addTracepoint(sysEnter("close", new Field("unsigned int", "fd", 16, 8, false)));
        c.addTracepoint(tp("syscalls", "sys_exit_read", new Field("long", "ret", 16, 8, true)));
        c.addBinary("/bin/bash", List.of("execute_command", "execute_command_internal", "exit_shell", "main",
            "readline"));
        c.addBinary("/usr/bin/python3", List.of("Py_Main", "main"));
        return c;
    }

    /** The fixed catalog plus USDT probes, which {@link FixedProbeCatalog} does not model. */
    static ProbeCatalog withUsdt(FixedProbeCatalog base, Map<String, List<String>> usdt) {
        return new ProbeCatalog() {
            @Override public List<String> tracepoints() { return base.tracepoints(); }
            @Override public Optional<TracepointFormat> tracepoint(String c, String e) { return base.tracepoint(c, e); }
            @Override public List<String> syscalls() { return base.syscalls(); }
            @Override public Optional<String> resolveBinary(String p) { return base.resolveBinary(p); }
            @Override public List<String> functionSymbols(String p) { return base.functionSymbols(p); }
            @Override public List<String> usdtProbes(String p) { return usdt.getOrDefault(p, List.of()); }
            @Override public Set<KernelFeature> features() { return base.features(); }
            @Override public String kernelRelease() { return base.kernelRelease(); }
        };
    }

    static class Sources implements CompletionSources {
        final ProbeCatalog catalog;

        Sources(ProbeCatalog catalog) {
            this.catalog = catalog;
        }

        @Override public ProbeCatalog catalog() { return catalog; }

        @Override public Collection<String> aliasNames() {
            return List.of("syscall.read", "syscall.read.return", "syscall.mmap2", "vfs.read", "vfs.read.return",
                "vfs.write", "nd_syscall.read", "nd_syscall.read.return", "nd_syscall.readv");
        }

        @Override public Collection<FunctionInfo> functions() {
            return List.of(new FunctionInfo("strlen", "strlen:long (s:string)"),
                new FunctionInfo("str_replace", "str_replace:string (prnt_str:string, srch_str:string, rplc_str:string)"),
                new FunctionInfo("pid", "pid:long ()"), new FunctionInfo("execname", "execname:string ()"),
                new FunctionInfo("user_string", "user_string:string (addr:long)"));
        }

        @Override public Collection<GlobalInfo> globals() {
            return List.of(new GlobalInfo("count", "long"), new GlobalInfo("syscalllist", "long[string]"),
                new GlobalInfo("syscount", "stats"), new GlobalInfo("reads", "long[long]"));
        }

        @Override public Collection<CommandInfo> commands() {
            List<CommandInfo.Flag> dumpFlags = List.of(new CommandInfo.Flag("--sort", "KEY", "sort by key or value"),
                new CommandInfo.Flag("--desc", null, "descending"), new CommandInfo.Flag("--top", "N", "first N entries"),
                new CommandInfo.Flag("--json", null, "print as JSON"));
            return List.of(
                new CommandInfo("dump", "print a global", List.of(ArgKind.GLOBAL), dumpFlags),
                new CommandInfo("drop", "drop snippets", List.of(ArgKind.SNIPPET), true, List.of()),
                new CommandInfo("load", "load a script file", List.of(ArgKind.FILE), List.of()),
                new CommandInfo("save", "save the session", List.of(ArgKind.FILE), List.of()),
                new CommandInfo("set", "set an option", List.of(ArgKind.OPTION, ArgKind.OPTION_VALUE), List.of()),
                new CommandInfo("help", "show help", List.of(ArgKind.COMMAND), List.of()),
                new CommandInfo(":print", "evaluate an expression", List.of(ArgKind.EXPRESSION), List.of()));
        }

        @Override public Collection<SnippetInfo> snippets() {
            return List.of(new SnippetInfo("1", "begin", "probe begin"), new SnippetInfo("2", "count", "global count"),
                new SnippetInfo("3", "", "probe syscall.read"));
        }

        @Override public Collection<OptionInfo> options() {
            return List.of(new OptionInfo("format", "output format", List.of("text", "json")),
                new OptionInfo("feedback", "how much to report", List.of("normal", "verbose", "silent")),
                new OptionInfo("maxmapentries", "default array size", List.of()));
        }
    }

    /** Directories by path (as typed), each a list of names; a trailing slash marks a directory. */
    static PathLister paths(Map<String, List<String>> dirs, List<String> commands) {
        return new PathLister() {
            @Override
            public List<Entry> list(String directory) {
                List<Entry> out = new ArrayList<>();
                for (String n : dirs.getOrDefault(directory, List.of())) {
                    boolean dir = n.endsWith("/");
                    out.add(new Entry(dir ? n.substring(0, n.length() - 1) : n, dir));
                }
                return out;
            }

            @Override
            public Collection<String> commands() {
                return commands;
            }
        };
    }

    static PathLister defaultPaths() {
        return paths(Map.of(
            "/", List.of("bin/", "usr/", "etc/"),
            "/usr/", List.of("bin/", "lib/", "local/", "share/"),
            "/usr/bin/", List.of("python3", "perl", "pydoc3", "top"),
            "", List.of("trace.stp", "tools/", ".hidden.stp", "notes.txt"),
            "tools/", List.of("iotop.stp", "iosnoop.stp")),
            List.of("bash", "basename", "cat", "python3"));
    }

    static CompletionAnalyzer analyzer(Set<KernelFeature> features) {
        return new CompletionAnalyzer(new Sources(withUsdt(catalog(features),
            Map.of("/usr/bin/python3", List.of("python:function__entry", "python:function__return", "python:gc__start")))),
            defaultPaths());
    }
}
