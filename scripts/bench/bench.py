"""The benchmark suite's driver (started by scripts/bench/run, which builds the workload
and installs bpftrace first). Runs the sections, prints one set of tables and writes
results/latest.json."""

import argparse
import atexit
import datetime
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from benchlib import dump, overhead, procs, reload, report, startup, targets, tracers

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SECTIONS = ("overhead", "startup", "reload", "dump")


class Config:
    """How much to measure. The full run fits in 15 minutes on a 2-CPU machine; --quick is
    a smoke run of every section."""

    def __init__(self, quick):
        self.quick = quick
        self.loads = (1, 2)
        self.rounds = 2 if quick else 5
        self.n = 300_000 if quick else 1_000_000
        # bpftrace spends ~25 us per printf event here, so the printf rows run fewer.
        self.n_printf = 30_000 if quick else 100_000
        # Later rounds are skipped (after 3) if the overhead section would pass this.
        self.overhead_budget_s = None if quick else 420
        # Rounds of the slow start-up rows stop (after the first) past this point of the run.
        self.suite_budget_s = None if quick else 780
        self.start_rounds = 3 if quick else 10
        # Detaching ~350 tracepoints takes the kernel tens of seconds per run.
        self.attach_rounds = 1 if quick else 3
        self.reload_samples = 10 if quick else 40
        self.dump_rounds = 1 if quick else 3
        self.dump_keys = 100_000
        # Seconds: a whole traced loop; a tracer's first output or "ready" line; any run
        # to its end (detaching hundreds of tracepoints is slow).
        self.loop_timeout = 120.0
        self.ready_timeout = 120.0
        self.run_timeout = 300.0
        self.repl_start_timeout = 120.0
        self.repl_timeout = 30.0

    def as_dict(self):
        return {k: v for k, v in vars(self).items()}


class Context:
    """What every section needs: the config, the built helpers, a scratch directory and
    the tracers that could be started (or why not)."""

    def __init__(self, cfg, build_dir, tmp, jstap_cmd):
        self.cfg = cfg
        self.started = time.monotonic()
        self.workload = os.path.join(build_dir, "workload")
        self.tmp = tmp
        self.tracefs = "/sys/kernel/tracing"
        self.editor = os.path.join(HERE, "edit-probe")
        self._tracers = {"floor": tracers.floor(os.path.join(build_dir, "floor")),
                         "bpftrace": tracers.bpftrace(), "jstap": tracers.jstap(jstap_cmd)}
        self._missing = {}
        self.versions = {}

    def out_of_time(self, reserve_s):
        """Whether reserve_s more seconds would take the run past its budget."""
        budget = self.cfg.suite_budget_s
        return bool(budget) and time.monotonic() - self.started + reserve_s > budget

    def tracer(self, name):
        return None if name in self._missing else self._tracers[name]

    def unavailable(self, name):
        return self._missing.get(name, "unavailable")

    def probe_versions(self, log):
        """Asks each tracer for its version; the jstap launcher builds jstap on first use,
        so this is also where a build failure shows."""
        for name, argv in (("bpftrace", ["bpftrace", "--version"]),
                           ("jstap", self._tracers["jstap"].base_argv + ["--version"])):
            log("checking %s..." % name)
            try:
                res = tracers.run(argv, env=self._tracers[name].env, timeout=1200)
            except OSError as e:
                self._missing[name] = str(e)
                continue
            if res.rc != 0:
                self._missing[name] = tracers.failure_reason(res.stderr, res.stdout, res.rc)
                log("  %s unavailable: %s" % (name, self._missing[name]))
            else:
                self.versions[name] = (tracers.meaningful_line(res.stdout) or "").strip()


def machine_info():
    def read(path):
        try:
            with open(path) as f:
                return f.read().strip()
        except OSError:
            return None
    try:
        commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "HEAD"], capture_output=True,
                                text=True, timeout=10).stdout.strip() or None
    except OSError:
        commit = None
    return {"kernel": os.uname().release, "cpus": os.cpu_count(), "commit": commit,
            "loadavg_start": " ".join((read("/proc/loadavg") or "").split()[:3]) or None}


def busy_at_start(meta):
    """Whether other work was running when the suite began: a 1-minute load average above
    half the CPUs. Wall times then measure the other work as much as the tracers."""
    try:
        return float((meta.get("loadavg_start") or "0").split()[0]) > 0.5 * (meta.get("cpus") or 1)
    except ValueError:
        return False


def parse_args(argv):
    p = argparse.ArgumentParser(prog="scripts/bench/run", description=__doc__)
    p.add_argument("--quick", action="store_true", help="a smoke run: fewer rounds, shorter loops")
    p.add_argument("--only", default=",".join(SECTIONS),
                   help="comma-separated sections to run: %s" % ", ".join(SECTIONS))
    p.add_argument("--rounds", type=int, help="rounds of the overhead section")
    p.add_argument("--n", type=int, help="syscalls per CPU in each overhead run")
    p.add_argument("--judge", choices=("auto", "wall", "cpu"), default="auto",
                   help="which overhead the targets judge: wall time, the loop's CPU time, or (auto, "
                        "the default) wall time unless the machine was already busy when the run began")
    p.add_argument("--jstap", default=os.path.join(ROOT, "scripts", "jstap"),
                   help="the jstap command line (default: the launcher of this checkout)")
    p.add_argument("--out", default=os.path.join(HERE, "results", "latest.json"),
                   help="where to write the machine-readable results")
    p.add_argument("--build-dir", default=os.path.join(HERE, ".build"))
    args = p.parse_args(argv)
    args.only = [s.strip() for s in args.only.split(",") if s.strip()]
    bad = [s for s in args.only if s not in SECTIONS]
    if bad:
        p.error("unknown section(s): %s" % ", ".join(bad))
    return args


def main(argv):
    args = parse_args(argv)
    cfg = Config(args.quick)
    if args.rounds:
        cfg.rounds = args.rounds
    if args.n:
        cfg.n = args.n
    started = time.monotonic()
    tmp = os.environ.get("BENCH_TMP") or tempfile.mkdtemp(prefix="jstap-bench.")
    procs.set_pid_file(os.environ.get("BENCH_PID_FILE"))
    atexit.register(shutil.rmtree, tmp, True)
    atexit.register(procs.kill_all)  # runs first: stop the tracers, then remove their files
    # SIGINT/SIGTERM/SIGHUP end the run through atexit, which stops every tracer. SIGINT is
    # handled explicitly because a shell without job control starts us with it ignored,
    # and an ignored SIGINT would stay ignored in the tracers (a JVM then ignores it too).
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda s, f: sys.exit(128 + s))

    def log(msg):
        print("[%5.0fs] %s" % (time.monotonic() - started, msg), file=sys.stderr, flush=True)

    ctx = Context(cfg, args.build_dir, tmp, args.jstap)
    ctx.probe_versions(log)
    results = {"meta": dict(machine_info(), date=datetime.datetime.now().isoformat(timespec="seconds"),
                            tracers=ctx.versions, config=cfg.as_dict(), sections=args.only,
                            syscall="close(fd past the table) -> EBADF, tracepoint syscalls:sys_enter_close")}
    for name, cls in (("overhead", overhead.Section), ("startup", startup.Section),
                      ("reload", reload.Section), ("dump", dump.Section)):
        if name in args.only:
            log("section %s" % name)
            results[name] = cls(ctx).run(log)
    elapsed = time.monotonic() - started
    full = set(args.only) == set(SECTIONS) and not args.quick
    judge = args.judge
    if judge == "auto":
        judge = "cpu" if busy_at_start(results["meta"]) else "wall"
    targets.judge_by(judge)
    results["targets"] = targets.all_targets(results, elapsed, full)
    results["meta"]["elapsed_s"] = round(elapsed, 1)
    results["meta"]["judged_by"] = judge
    results["meta"]["loadavg_end"] = machine_info()["loadavg_start"]

    left = procs.still_running()
    results["meta"]["processes_left_running"] = left
    print(report.render(results, cfg))
    print("\nload average at start %s, at end %s; %d CPUs; %s elapsed; targets judge %s time"
          % (results["meta"]["loadavg_start"], results["meta"]["loadavg_end"],
             results["meta"]["cpus"], "%.0f s" % elapsed, judge))
    if busy_at_start(results["meta"]):
        print("note: the machine was busy with other work; wall times are inflated and noisy,"
              " the cpu-time columns are the steadier figures")
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(results, f, indent=2)
        f.write("\n")
    print("results: %s" % args.out)
    if left:
        print("warning: still running (will be killed): %s" % left, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
