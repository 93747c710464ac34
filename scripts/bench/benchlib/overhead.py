"""Per-event overhead on the syscall loop (and, from the printf rows, output throughput).

Each run starts the tracer with -c running the workload, so the loop begins only once the
probes are attached.  The workload times its loop itself; a row's overhead in a round is
its ns/op minus the mean of that round's two untraced runs at the same load.

Two clocks: wall time (CLOCK_MONOTONIC, what the loop waited, the tracer's own work on a
shared CPU included) and the loop's CPU time (CLOCK_THREAD_CPUTIME_ID: the syscalls and
the probes they ran, unaffected by whatever else the machine runs). Targets are judged
on wall time; the CPU figures are the ones to trust on a busy machine."""

import os
import re
import time

from . import programs
from . import stats
from . import tracers

_NS = re.compile(r"ns_per_op=([0-9.]+) ops=(\d+) per_proc=([0-9.,]+) start_real_ns=(\d+) "
                 r"cpu_ns_per_op=([0-9.]+)")
# bpftrace says "Lost 123 events"; jstap's wording is its own, so any line that puts a
# number next to "lost" and "events"/"records" counts.
_LOST = re.compile(r"(?i)\blost\b\D{0,40}?(\d+)|(\d+)\s+(?:\w+\s+){0,2}(?:events?|records?)\s+(?:were\s+)?lost")


def parse_workload(text):
    m = _NS.search(text)
    if not m:
        return None
    return {"ns_per_op": float(m.group(1)), "ops": int(m.group(2)),
            "per_proc": [float(x) for x in m.group(3).split(",")],
            "start_real_ns": int(m.group(4)), "cpu_ns_per_op": float(m.group(5))}


def lost_in(lines):
    total = 0
    for line in lines:
        if line.startswith(programs.WORKLOAD_COMM + " "):
            continue
        m = _LOST.search(line)
        if m:
            total += int(m.group(1) or m.group(2))
    return total


def count_output(path):
    """(lines from the workload, other lines) of a printf run's output file."""
    ours = 0
    other = []
    prefix = (programs.WORKLOAD_COMM + " ").encode()
    with open(path, "rb") as f:
        for raw in f:
            if raw.startswith(prefix):
                ours += 1
            else:
                other.append(raw.decode("utf-8", "replace").rstrip("\n"))
    return ours, other


class Section:
    def __init__(self, ctx):
        self.ctx = ctx
        self.cfg = ctx.cfg
        # results[load][row key] -> {"ns": [...], "overhead": [...], "na": reason, ...}
        self.results = {load: {} for load in self.cfg.loads}

    def _slot(self, load, row):
        return self.results[load].setdefault(row.key, {
            "ns": [], "overhead": [], "cpu": [], "cpu_overhead": [], "na": None, "delivered": [], "lost": [],
            "unaccounted": [], "rate": [], "generated": []})

    def _workload(self, load, n):
        return [self.ctx.workload, "loop", str(n), "--threads", str(load), "--fd-span", "256"]

    def _run_one(self, load, row):
        n = self.cfg.n_printf if row.to_file else self.cfg.n
        command = self._workload(load, n)
        out_file = None
        if row.tracer == "none":
            res = tracers.run(command, timeout=self.cfg.loop_timeout)
        else:
            tracer = self.ctx.tracer(row.tracer)
            if tracer is None:
                return {"na": self.ctx.unavailable(row.tracer)}
            if row.to_file:
                out_file = os.path.join(self.ctx.tmp, "%s.out" % row.key)
            argv = tracer.argv(row.script, out_file=out_file, command=command)
            res = tracers.run(argv, env=tracer.env, timeout=self.cfg.loop_timeout)
        try:
            text = res.stdout + "\n" + res.stderr
            if out_file and os.path.exists(out_file):
                ours, other = count_output(out_file)
                text += "\n" + "\n".join(other)
            parsed = parse_workload(text)
            if parsed is None or res.rc != 0 or res.timed_out:
                reason = ("no end within %.0f s" % self.cfg.loop_timeout) if res.timed_out else tracers.failure_reason(res.stderr, res.stdout, res.rc)
                return {"na": reason}
            if out_file:
                parsed.update(self._throughput(parsed, out_file, ours, other, res))
            return parsed
        finally:
            if out_file and os.path.exists(out_file):
                os.unlink(out_file)

    @staticmethod
    def _throughput(parsed, out_file, ours, other, res):
        """Events delivered to the file, lost as the tracer reported, and neither; the rate
        is over the time from the loop's start to the file's last write."""
        lost = lost_in(other + res.stdout.splitlines() + res.stderr.splitlines())
        generated = parsed["ops"]
        window = (os.stat(out_file).st_mtime_ns - parsed["start_real_ns"]) / 1e9
        return {"delivered": ours, "lost": lost, "generated": generated,
                "unaccounted": max(0, generated - ours - lost),
                "rate": ours / window if window > 0 else None}

    def run(self, log):
        order = programs.round_order()
        began = time.monotonic()
        self.rounds_done = 0
        for rnd in range(self.cfg.rounds):
            spent = time.monotonic() - began
            if self.cfg.overhead_budget_s and rnd >= 3 and \
                    spent + spent / rnd > self.cfg.overhead_budget_s:
                log("  stopping after %d rounds to keep the suite within its time budget" % rnd)
                break
            for load in self.cfg.loads:
                baseline, cpu_baseline = [], []
                pending = []
                for row in order:
                    slot = self._slot(load, row)
                    if slot["na"]:
                        continue  # a program that failed once fails alike; save the time
                    r = self._run_one(load, row)
                    if "na" in r:
                        slot["na"] = r["na"]
                        log("  round %d, %d CPU: %s %s: n/a: %s" % (rnd + 1, load, row.tracer, row.label, r["na"]))
                        continue
                    if row is programs.UNTRACED:
                        baseline.append(r["ns_per_op"])
                        cpu_baseline.append(r["cpu_ns_per_op"])
                    else:
                        pending.append((row, r))
                    slot["ns"].append(r["ns_per_op"])
                    slot["cpu"].append(r["cpu_ns_per_op"])
                    for k in ("delivered", "lost", "unaccounted", "rate", "generated"):
                        if r.get(k) is not None:
                            slot[k].append(r[k])
                if baseline:
                    base = sum(baseline) / len(baseline)
                    cpu_base = sum(cpu_baseline) / len(cpu_baseline)
                    for row, r in pending:
                        self._slot(load, row)["overhead"].append(r["ns_per_op"] - base)
                        self._slot(load, row)["cpu_overhead"].append(r["cpu_ns_per_op"] - cpu_base)
                log("  round %d/%d, %d CPU loaded: baseline %.1f ns/op" % (
                    rnd + 1, self.cfg.rounds, load, sum(baseline) / len(baseline) if baseline else float("nan")))
            self.rounds_done = rnd + 1
        return self.summarise()

    def summarise(self):
        out = {}
        for load, rows in self.results.items():
            table = {}
            for row in programs.all_rows():
                slot = rows.get(row.key)
                if slot is None:
                    continue
                entry = {"tracer": row.tracer, "label": row.label, "script": row.script,
                         "twin": row.twin, "na": slot["na"],
                         "ns_per_op": stats.summary(slot["ns"]),
                         "overhead_ns": stats.summary(slot["overhead"]),
                         "cpu_ns_per_op": stats.summary(slot["cpu"]),
                         "cpu_overhead_ns": stats.summary(slot["cpu_overhead"])}
                if row.to_file:
                    entry["output"] = {k: stats.summary(slot[k]) for k in
                                       ("rate", "delivered", "lost", "unaccounted", "generated")}
                table[row.key] = entry
            out[str(load)] = table
        return {"rounds": self.rounds_done, "loads": out}
