"""Printing a 100,000-key map: bpftrace's print at exit, jstap's end-of-run print of the
same global, and jstap's :dump of it in the REPL.

The map is keyed by close()'s fd; the workload closes 100,000 distinct (invalid) fds.
Exit prints are timed from SIGINT to the process's end, with the output read as fast as
it comes; :dump from Enter to the prompt after the last line."""

import signal
import subprocess
import time

from . import procs
from . import reload as reloadmod
from . import repl as replmod
from . import stats
from . import tracers

_TP = "syscalls:sys_enter_close"
BPFTRACE = ('BEGIN { printf("ready\\n"); } tracepoint:%s { @c[args->fd] = count(); }' % _TP)
JSTAP = ('global c[%d]; probe begin { printf("ready\\n") } '
         'probe kernel.trace("%s") { c[$fd]++ }')
JSTAP_REPL_GLOBAL = "global c[%d]"
JSTAP_REPL_PROBE = 'probe kernel.trace("%s") { c[$fd]++ }' % _TP
# Room for the workload's keys and for other processes' closes meanwhile.
_SLACK = 2


class Section:
    def __init__(self, ctx):
        self.ctx = ctx
        self.cfg = ctx.cfg
        self.keys = ctx.cfg.dump_keys

    def _fill(self):
        res = tracers.run([self.ctx.workload, "keys", str(self.keys)], timeout=120)
        if res.rc != 0:
            raise RuntimeError("workload keys failed: %s" % res.stderr.strip())

    def _exit_print(self, name):
        """(seconds from SIGINT to exit, map lines printed) or a failure reason."""
        tracer = self.ctx.tracer(name)
        if tracer is None:
            return None, self.ctx.unavailable(name)
        cap = self.keys * _SLACK
        if name == "bpftrace":
            argv = tracer.argv(BPFTRACE)
            env = dict(tracer.env, BPFTRACE_MAP_KEYS_MAX=str(cap))
        else:
            argv = tracer.argv(JSTAP % (cap, _TP))
            env = tracer.env
        proc = procs.spawn(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=env)
        out = procs.ByteCollector(proc.stdout, marker=b"ready\n")
        err = procs.ByteCollector(proc.stderr)
        out.start()
        err.start()
        try:
            out.marker_seen.wait(self.cfg.ready_timeout)
            if not out.has_marker():
                procs.stop(proc)
                out.join(5)
                err.join(5)
                return None, tracers.failure_reason(err.data.decode("utf-8", "replace"),
                                                    out.data.decode("utf-8", "replace"), proc.returncode)
            time.sleep(0.2)  # in case the begin probe ran a moment before the last attach
            self._fill()
            t0 = time.monotonic()
            procs.signal_group(proc, signal.SIGINT)
            try:
                proc.wait(self.cfg.run_timeout)
            except subprocess.TimeoutExpired:
                return None, "did not exit within %.0f s of SIGINT" % self.cfg.run_timeout
            t1 = time.monotonic()
        finally:
            procs.stop(proc)
        out.join(10)
        err.join(10)
        lines = out.data.count(b"c[")
        if lines < self.keys:
            return None, "printed %d of %d keys" % (lines, self.keys)
        return (t1 - t0, lines), None

    def _open_repl(self, log):
        """A REPL session holding the filled global, its probe dropped, or a reason."""
        try:
            session = reloadmod.open_session(self.ctx)
        except replmod.ReplGone as e:
            return None, str(e)
        try:
            timeout = self.cfg.repl_timeout
            session.command(JSTAP_REPL_GLOBAL % (self.keys * _SLACK), timeout=timeout)
            _, sid = reloadmod.add_probe(session, JSTAP_REPL_PROBE, timeout)
            self._fill()
            if sid is not None:
                session.command(":drop %d" % sid, timeout=timeout)
            return session, None
        except replmod.ReplGone as e:
            session.close()
            return None, "REPL setup: %s" % e

    def _repl_dump(self, session):
        t0, start = session.type_line(":dump c")
        t1, lines = session.count_lines_then_prompt(start, self.keys, self.cfg.run_timeout)
        return t1 - t0, lines

    def run(self, log):
        rows = {"bpftrace_exit": "bpftrace", "jstap_exit": "jstap", "jstap_dump": "jstap"}
        got = {k: {"s": [], "lines": None, "na": None} for k in rows}
        session, reason = self._open_repl(log)
        if session is None:
            got["jstap_dump"]["na"] = reason
            log("  :dump: n/a: %s" % reason)
        try:
            for rnd in range(self.cfg.dump_rounds):
                for key, name in rows.items():
                    slot = got[key]
                    if slot["na"]:
                        continue
                    try:
                        if key == "jstap_dump":
                            seconds, lines = self._repl_dump(session)
                        else:
                            res, why = self._exit_print(name)
                            if why:
                                raise replmod.ReplGone(why)
                            seconds, lines = res
                    except replmod.ReplGone as e:
                        slot["na"] = str(e)
                        log("  dump %s: n/a: %s" % (key, e))
                        continue
                    slot["s"].append(seconds)
                    slot["lines"] = lines
                log("  dump round %d/%d done" % (rnd + 1, self.cfg.dump_rounds))
        finally:
            if session is not None:
                session.close()
        return {"keys": self.keys, **{k: {"na": v["na"], "lines": v["lines"],
                                          "seconds": stats.summary(v["s"])} for k, v in got.items()}}
