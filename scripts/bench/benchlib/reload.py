"""REPL reload latency: Enter to the "attached" answer, for adding one probe to a session
that holds 20, and for editing one of the 20 (through :edit and an editor that changes
the body in place)."""

import os

from . import repl as replmod
from . import stats

SESSION_PROBES = 20
ADDED_TRACEPOINT = "getppid"
# Syscall entries probed by the session's 20 probes (the first 20 that exist here).
_CANDIDATES = ["read", "write", "openat", "close", "fstat", "lseek", "mmap", "mprotect",
               "munmap", "brk", "ioctl", "pread64", "pwrite64", "readv", "writev", "access",
               "pipe2", "sched_yield", "mremap", "madvise", "dup", "dup2", "nanosleep",
               "getpid", "socket", "connect", "accept", "sendto", "recvfrom", "getuid"]


def session_tracepoints(tracefs):
    names = [n for n in _CANDIDATES
             if os.path.isdir(os.path.join(tracefs, "events/syscalls/sys_enter_" + n))]
    return names[:SESSION_PROBES]


def probe_text(syscall, key):
    return 'probe kernel.trace("syscalls:sys_enter_%s") { c[%d]++ }' % (syscall, key)


def open_session(ctx):
    """A REPL showing its prompt, or ReplGone with the reason."""
    tracer = ctx.tracer("jstap")
    if tracer is None:
        raise replmod.ReplGone(ctx.unavailable("jstap"))
    env = dict(tracer.env, EDITOR=ctx.editor, VISUAL=ctx.editor)
    session = replmod.Repl(tracer.base_argv, env)
    try:
        session.expect(replmod.PROMPT, 0, ctx.cfg.repl_start_timeout)
    except replmod.ReplGone as e:
        session.close()
        raise replmod.ReplGone("REPL missing: %s" % e)
    return session


def add_probe(session, text, timeout):
    """Enters a probe; returns (seconds to "attached", snippet id or None)."""
    seconds, answer = session.command(text, until=replmod.ATTACHED, timeout=timeout)
    ids = replmod.SNIPPET_ID.findall(answer)
    return seconds, (int(ids[-1]) if ids else None)


class Section:
    def __init__(self, ctx):
        self.ctx = ctx
        self.cfg = ctx.cfg

    def run(self, log):
        result = {"session_probes": SESSION_PROBES, "add": {"na": None}, "edit": {"na": None}}
        try:
            session = open_session(self.ctx)
        except replmod.ReplGone as e:
            result["add"]["na"] = result["edit"]["na"] = str(e)
            log("  reload: n/a: %s" % e)
            return result
        try:
            self._measure(session, result, log)
        finally:
            session.close()
        return result

    def _measure(self, session, result, log):
        timeout = self.cfg.repl_timeout
        try:
            session.command("global c", timeout=timeout)
            ids = []
            for i, name in enumerate(session_tracepoints(self.ctx.tracefs)):
                ids.append(add_probe(session, probe_text(name, i), timeout)[1])
        except replmod.ReplGone as e:
            result["add"]["na"] = result["edit"]["na"] = "setting up 20 probes: %s" % e
            log("  reload: n/a: %s" % result["add"]["na"])
            return
        result["add"] = self._adds(session, timeout, log)
        result["edit"] = self._edits(session, ids, timeout, log)

    def _adds(self, session, timeout, log):
        samples, note = [], None
        try:
            for k in range(self.cfg.reload_samples):
                seconds, sid = add_probe(session, probe_text(ADDED_TRACEPOINT, 100 + k), timeout)
                samples.append(seconds * 1000.0)
                if sid is None:
                    note = "no snippet id in the answer, so added probes stayed (the session grew)"
                else:
                    session.command(":drop %d" % sid, timeout=timeout)
        except replmod.ReplGone as e:
            log("  reload add: n/a: %s" % e)
            return {"na": str(e), "ms": stats.summary(samples)}
        log("  reload add: %d samples" % len(samples))
        return dict(percentiles(samples), note=note, na=None)

    def _edits(self, session, ids, timeout, log):
        try:
            _, help_text = session.command(":help", timeout=timeout)
        except replmod.ReplGone as e:
            return {"na": ":help: %s" % e}
        if ":edit" not in help_text and "edit" not in help_text.split():
            return {"na": "n/a (the REPL has no :edit command)"}
        if None in ids:
            return {"na": "no snippet ids in the attach answers"}
        samples = []
        try:
            for k in range(self.cfg.reload_samples):
                slot = k % len(ids)
                seconds, answer = session.command(":edit %d" % ids[slot],
                                                  until=replmod.ATTACHED, timeout=timeout)
                samples.append(seconds * 1000.0)
                # An edited snippet comes back under a new id (as in JShell): edit that one next time.
                new_ids = replmod.SNIPPET_ID.findall(answer)
                if new_ids:
                    ids[slot] = int(new_ids[-1])
        except replmod.ReplGone as e:
            log("  reload edit: n/a: %s" % e)
            return {"na": ":edit: %s" % e, "ms": stats.summary(samples)}
        log("  reload edit: %d samples" % len(samples))
        return dict(percentiles(samples), na=None)


def percentiles(samples_ms):
    return {"p50_ms": stats.percentile(samples_ms, 50), "p95_ms": stats.percentile(samples_ms, 95),
            "ms": stats.summary(samples_ms)}
