"""Start to first output (a begin probe that prints and exits) and start to first event
of a script probing every syscall entry: whole process, wall time from exec."""

import subprocess
import time

from . import procs
from . import stats
from . import tracers

HELLO = {
    "bpftrace": 'BEGIN { printf("hello\\n"); exit(); }',
    "jstap": 'probe begin { printf("hello\\n"); exit() }',
}
# The first event comes from whichever process makes a syscall first once a probe is
# live (the tracer itself, at the latest); exit() then ends the run, and detaching
# hundreds of tracepoints is part of the wall time to exit.
ALL_SYSCALLS = {
    "bpftrace": 'tracepoint:syscalls:sys_enter_* { printf("first\\n"); exit(); }',
    "jstap": 'probe syscall.* { printf("first\\n"); exit() }',
}


def timed_first_line(argv, env, word, timeout, exit_timeout):
    """(seconds to the first line equal to word, seconds to exit) or a failure reason."""
    started = time.monotonic()
    proc = procs.spawn(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=env)
    out = procs.LineCollector(proc.stdout)
    err = procs.LineCollector(proc.stderr)
    out.start()
    err.start()
    hit = out.wait_for(lambda line: line.strip() == word, timeout)
    try:
        proc.wait(exit_timeout)
    except subprocess.TimeoutExpired:
        procs.stop(proc)
    ended = time.monotonic()
    out.join(5)
    err.join(5)
    if hit is None:
        return None, tracers.failure_reason(err.text(), out.text(), proc.returncode)
    return (hit[0] - started, ended - started), None


class Section:
    def __init__(self, ctx):
        self.ctx = ctx
        self.cfg = ctx.cfg

    def _measure(self, scripts, word, rounds, log, title):
        samples = {name: {"first": [], "exit": [], "na": None} for name in scripts}
        last = 0.0
        for rnd in range(rounds):
            if rnd and self.ctx.out_of_time(last):
                log("  %s: stopping after %d rounds to keep the suite within its time budget" % (title, rnd))
                break
            began = time.monotonic()
            for name, script in scripts.items():
                slot = samples[name]
                if slot["na"]:
                    continue
                tracer = self.ctx.tracer(name)
                if tracer is None:
                    slot["na"] = self.ctx.unavailable(name)
                    continue
                times, reason = timed_first_line(tracer.argv(script), tracer.env, word,
                                                 self.cfg.ready_timeout, self.cfg.run_timeout)
                if reason:
                    slot["na"] = reason
                    log("  %s %s: n/a: %s" % (title, name, reason))
                    continue
                slot["first"].append(times[0])
                slot["exit"].append(times[1])
            last = time.monotonic() - began
            log("  %s round %d/%d done" % (title, rnd + 1, rounds))
        return {name: {"script": scripts[name], "na": s["na"],
                       "first_output_s": stats.summary(s["first"]),
                       "exit_s": stats.summary(s["exit"])}
                for name, s in samples.items()}

    def run(self, log):
        return {
            "hello": self._measure(HELLO, "hello", self.cfg.start_rounds, log, "begin/hello"),
            "all_syscalls": self._measure(ALL_SYSCALLS, "first", self.cfg.attach_rounds, log,
                                          "syscall.*"),
        }
