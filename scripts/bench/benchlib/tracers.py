"""How each tracer is started: bpftrace, jstap and the attach-only floor program.

Every traced run uses the tracer's own "-c CMD" (run CMD once the probes are attached,
stop when it exits), so no run depends on guessing when attaching is over."""

import os
import re
import shlex
import subprocess
import time

from . import procs

# stderr lines that say nothing about success: bpftrace cannot raise RLIMIT_MEMLOCK
# without CAP_SYS_RESOURCE (harmless with memcg accounting); the jstap launcher says
# when it builds.
_NOISE = (re.compile(r"RLIMIT_MEMLOCK"), re.compile(r"^jstap: building"), re.compile(r"^\s*$"))


class Tracer:
    def __init__(self, name, base_argv, env=None):
        self.name = name
        self.base_argv = list(base_argv)
        self.env = dict(os.environ, **(env or {}))

    def argv(self, script, out_file=None, command=None, extra=()):
        argv = list(self.base_argv) + list(extra)
        if out_file:
            argv += ["-o", out_file]
        if command:
            argv += ["-c", " ".join(shlex.quote(a) for a in command)]
        return argv + ["-e", script]


class Floor(Tracer):
    """scripts/bench/floor: attaches an empty program; the script is the tracepoint name."""

    def argv(self, script, out_file=None, command=None, extra=()):
        return list(self.base_argv) + [script] + list(command or [])


def bpftrace(path="bpftrace"):
    return Tracer("bpftrace", [path])


def jstap(command_line):
    return Tracer("jstap", shlex.split(command_line))


def floor(path):
    return Floor("floor", [path])


def meaningful_line(text):
    for line in text.splitlines():
        if not any(p.search(line) for p in _NOISE):
            return line.strip()
    return None


def failure_reason(stderr_text, stdout_text, rc):
    """The first line a user would read to learn why a run failed."""
    line = meaningful_line(stderr_text) or meaningful_line(stdout_text)
    if line:
        return line[:160]
    return "exit code %s" % rc


class Run:
    """A finished tracer process: its output, exit code and wall time."""

    def __init__(self, rc, stdout, stderr, started, ended, timed_out):
        self.rc = rc
        self.stdout = stdout
        self.stderr = stderr
        self.started = started
        self.ended = ended
        self.timed_out = timed_out

    @property
    def wall(self):
        return self.ended - self.started


def run(argv, env=None, timeout=600.0):
    """Runs argv to its end (or kills it after timeout), collecting both streams."""
    started = time.monotonic()
    proc = procs.spawn(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=env)
    out = procs.LineCollector(proc.stdout)
    err = procs.LineCollector(proc.stderr)
    out.start()
    err.start()
    timed_out = False
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        procs.stop(proc)
    ended = time.monotonic()
    out.join(5)
    err.join(5)
    return Run(proc.returncode, out.text(), err.text(), started, ended, timed_out)
